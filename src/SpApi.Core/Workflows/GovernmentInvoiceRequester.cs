using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Http;

namespace SpApi.Core.Workflows;

/// <summary>A government invoice request ended in ERROR: the authority (SEFAZ) refused it, for the reasons in InvoiceErrors.</summary>
public sealed class GovernmentInvoiceFailedException : Exception
{
    /// <summary>Creates the exception; <paramref name="advice"/> says what to do next.</summary>
    public GovernmentInvoiceFailedException(GovernmentInvoice invoice, string advice)
        : base($"The government invoice request for {invoice.Shipment()} ended in ERROR: {Reasons(invoice)}. {advice}")
    {
        Invoice = invoice;
    }

    /// <summary>The request, with Amazon's InvoiceErrors.</summary>
    public GovernmentInvoice Invoice { get; }

    /// <summary>Amazon's errors.</summary>
    public IReadOnlyList<InvoiceError> InvoiceErrors => Invoice.InvoiceErrors;

    private static string Reasons(GovernmentInvoice invoice) =>
        invoice.InvoiceErrors.Count == 0 ? "Amazon gave no reason" : string.Join("; ", invoice.InvoiceErrors.Select(e => ServerText.Clean(e.ToString())));
}

/// <summary>
/// New-SpGovernmentInvoice's rule against duplicates: before a request, the shipment's status is read, and
/// only a shipment with no request gets one. Amazon issues one NF-e per request, so a second request for a
/// shipment in PROCESSING or SUCCESS would be a second invoice for the same goods.
/// </summary>
public static class GovernmentInvoiceRequester
{
    /// <summary>
    /// The request that already exists for the shipment, PROCESSING or SUCCESS, or null when Amazon has none
    /// (getGovernmentInvoiceStatus answers 404). One that ended in ERROR throws <see cref="GovernmentInvoiceFailedException"/>.
    /// </summary>
    public static async Task<GovernmentInvoice?> FindExistingAsync(GovernmentInvoicesApi api, GovernmentInvoiceShipment shipment, CancellationToken cancellationToken)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        GovernmentInvoice existing;
        try
        {
            existing = await api.GetGovernmentInvoiceStatusAsync(shipment, cancellationToken).ConfigureAwait(false);
        }
        catch (SpApiException ex) when (ex.Kind == SpApiFailureKind.NotFound)
        {
            return null;
        }

        return existing.Status == GovernmentInvoice.Error
            ? throw new GovernmentInvoiceFailedException(existing, "Nothing was sent; once the cause is fixed, request it again with -Force.")
            : existing;
    }

    /// <summary>Sends createGovernmentInvoice; the result is PROCESSING, as Amazon accepted it (204).</summary>
    public static async Task<GovernmentInvoice> SendAsync(GovernmentInvoicesApi api, GovernmentInvoiceRequest request, CancellationToken cancellationToken)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        await api.CreateGovernmentInvoiceAsync(request, cancellationToken).ConfigureAwait(false);
        return new GovernmentInvoice(request.Shipment, new GovernmentInvoiceStatusResponse { Status = GovernmentInvoice.Processing });
    }
}
