using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// Vendor Transaction Status getTransaction and DF Transactions getTransactionStatus (v1 with the payload
/// envelope, 2021-12-28 without). A transaction answers Processing for the first
/// <see cref="SandboxOptions.TransactionProcessingReads"/> reads, then Success or Failure with its errors.
/// </summary>
internal static class TransactionStatusEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
        foreach (var (operation, api) in new[]
        {
            (SpApiOperations.GetVendorTransaction, SubmissionApi.Vendor),
            (SpApiOperations.GetDirectFulfillmentTransactionStatusV1, SubmissionApi.DirectFulfillment),
            (SpApiOperations.GetDirectFulfillmentTransactionStatus, SubmissionApi.DirectFulfillment),
        })
        {
            var envelope = operation.PayloadEnvelope;
            app.MapGet(operation.PathTemplate, (string transactionId) => Get(transactionId, api, envelope, state));
        }
    }

    private static IResult Get(string transactionId, SubmissionApi api, bool envelope, SandboxState state)
    {
        var transaction = state.Transactions.Find(transactionId);
        if (transaction is null || transaction.Api != api)
        {
            // Amazon only says the id is unknown; the hint is for whoever polls the wrong API.
            var hint = transaction is null ? null : $"The transaction belongs to the {transaction.Api} invoice API; read its status there.";
            return SpApiResults.Error(404, "NotFound", $"No transaction {transactionId}.", hint);
        }

        var status = transaction.ReadStatus(state.Options.TransactionProcessingReads);
        object shape = status == "Failure"
            ? new { transactionId, status, errors = transaction.Errors }
            : new { transactionId, status };
        var body = new { transactionStatus = shape };
        return envelope ? Results.Json(new { payload = body }) : Results.Json(body);
    }
}
