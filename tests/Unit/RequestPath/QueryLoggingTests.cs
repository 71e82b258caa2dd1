using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Diagnostics;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// -Verbose shows each call's query, so a user can see which range was sent, with a nextToken cut short. Tokens travel in
/// headers, never shown (SecretHygieneTests); a pre-signed URL's query never reaches the log (InvoiceExportReceiverTests).
/// </summary>
public sealed class QueryLoggingTests
{
    private const string ListPath = "GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices";

    [Fact]
    public async Task EachPageShowsItsRangeAndTheFirstCharactersOfItsNextToken()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var log = new CapturingLog();
        var api = new CustomerInvoicesApi(sandbox.Client(log));
        var before = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var query = new CustomerInvoicesQuery { CreatedAfter = before.AddDays(-7), CreatedBefore = before, PageSize = 5 };

        var first = await api.GetCustomerInvoicePageAsync(query, null, CancellationToken.None);
        var token = Assert.IsType<string>(first.NextToken);
        await api.GetCustomerInvoicePageAsync(query, token, CancellationToken.None);

        var range = $"limit=5&createdAfter={before.AddDays(-7):yyyy-MM-dd}T00:00:00.000Z&createdBefore={before:yyyy-MM-dd}T00:00:00.000Z";
        var requests = log.Of(SpApiLogKind.Request).Where(e => e.Level == SpApiLogLevel.Verbose && e.Operation == "getCustomerInvoices").Select(e => e.Message).ToList();
        Assert.Equal(new[] { $"{ListPath}?{range}", $"{ListPath}?{range}&nextToken={token.Substring(0, 8)}…" }, requests);
        Assert.True(token.Length > 8, "the sandbox's nextToken is long enough to be cut");
        Assert.DoesNotContain(token, log.AllText());
    }
}
