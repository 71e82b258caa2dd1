using System.Net;
using System.Text;
using System.Text.Json;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// The faults of issue 14: a cut 2xx, a 307 on a submission, endless empty pages, a null in a list, an answer
/// for another purchase order, and one purchase order on two pages with other content. Each is checked with a
/// plain HttpClient that follows nothing (the submissions) or with the module's client, which reads the
/// restricted customer invoices as raw JSON and checks nothing, so what is seen is what was sent.
/// </summary>
public sealed class SandboxHostileFaultTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // Customer invoices are restricted: these go through the module's client, which brings the RDT.
    private static SpApiRequest List() => new SpApiRequest(SpApiOperations.GetCustomerInvoices)
        .WithQuery("createdAfter", End.AddDays(-7)).WithQuery("createdBefore", End).WithQuery("limit", 5).WithQuery("sortOrder", "ASC");

    [Fact]
    public async Task TruncatedSuccessProcessesTheSubmissionAndCutsFiveBytesOffItsAnswer()
    {
        await using var sandbox = await StartAsync();
        using var http = RawSandboxHttp.Client();
        var token = await RawSandboxHttp.AccessTokenAsync(sandbox, http);
        sandbox.State.Faults.Inject(FaultKind.TruncatedSuccess, 1, "submitInvoices");

        var cut = await SubmitAsync(sandbox, http, token, "TRUNC-1");
        var whole = await SubmitAsync(sandbox, http, token, "TRUNC-2");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (cut.Status, whole.Status));
        Assert.Equal(whole.Body.Length - SandboxFaults.TruncatedBytes, cut.Body.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut.Body));
        Assert.Equal(new[] { "TRUNC-1", "TRUNC-2" }, sandbox.State.Transactions.All.SelectMany(t => t.InvoiceIds).OrderBy(id => id));
    }

    [Fact]
    public async Task TemporaryRedirectElsewhereAnswers307BeforeProcessing()
    {
        await using var sandbox = await StartAsync();
        using var http = RawSandboxHttp.Client();
        var token = await RawSandboxHttp.AccessTokenAsync(sandbox, http);
        sandbox.State.Faults.Inject(FaultKind.TemporaryRedirectElsewhere, 1, "submitInvoices");

        using var request = SubmitRequest(sandbox, token, "MOVED-1");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.EndsWith(SandboxFaults.RedirectTargetPath, response.Headers.Location!.AbsoluteUri);
        Assert.Empty(sandbox.State.Transactions.All);
    }

    [Fact]
    public async Task EndlessEmptyPagesNeverRepeatAToken()
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.EndlessEmptyPages, int.MaxValue, "getCustomerInvoices");
        var tokens = new HashSet<string>();

        var next = (string?)null;
        for (var i = 0; i < 20; i++)
        {
            var page = await GetAsync(client, next is null ? List() : List().WithQuery("nextToken", next));
            Assert.Equal(0, page.GetProperty("customerInvoices").GetArrayLength());
            next = page.GetProperty("pagination").GetProperty("nextToken").GetString()!;
            Assert.True(tokens.Add(next));
        }
    }

    [Fact]
    public async Task NullInListPutsANullAmongTheInvoices()
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.NullInList, 1, "getCustomerInvoices");

        var invoices = (await GetAsync(client, List())).GetProperty("customerInvoices").EnumerateArray().ToList();

        Assert.Equal(6, invoices.Count);
        Assert.Single(invoices, i => i.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task OtherPurchaseOrderAnswersWithTheInvoiceOfAnotherOne()
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.OtherPurchaseOrder, 1, "getCustomerInvoice");
        var request = new SpApiRequest(SpApiOperations.GetCustomerInvoice).WithPath("purchaseOrderNumber", "PO00000001");

        var other = await GetAsync(client, request);
        var asked = await GetAsync(client, request);

        Assert.Equal(SandboxFaults.OtherPurchaseOrderNumber, other.GetProperty("purchaseOrderNumber").GetString());
        Assert.Equal("PO00000001", asked.GetProperty("purchaseOrderNumber").GetString());
    }

    [Fact]
    public async Task ConflictingRepeatPutsTheNextPagesFirstInvoiceOnTheFirstPageWithOtherContent()
    {
        await using var sandbox = await StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(FaultKind.ConflictingRepeat, 1, "getCustomerInvoices");

        var first = await GetAsync(client, List());
        var second = await GetAsync(client, List().WithQuery("nextToken", first.GetProperty("pagination").GetProperty("nextToken").GetString()!));

        var extra = first.GetProperty("customerInvoices").EnumerateArray().Last();
        var real = second.GetProperty("customerInvoices")[0];
        Assert.Equal(6, first.GetProperty("customerInvoices").GetArrayLength());
        Assert.Equal(real.GetProperty("purchaseOrderNumber").GetString(), extra.GetProperty("purchaseOrderNumber").GetString());
        Assert.NotEqual(real.GetProperty("content").GetString(), extra.GetProperty("content").GetString());
        Assert.Equal(SandboxFaults.ConflictingPdf, Encoding.ASCII.GetString(Convert.FromBase64String(extra.GetProperty("content").GetString()!)));
    }

    private static Task<SandboxHarness> StartAsync() => SandboxHarness.StartAsync(o =>
    {
        o.CustomerInvoices.Clear();
        o.CustomerInvoices.AddRange(SandboxInvoice.Generate(End, 40, TimeSpan.FromHours(6)));
    });

    private static Task<JsonElement> GetAsync(SpApiClient client, SpApiRequest request) =>
        client.SendAsync<JsonElement>(request, CancellationToken.None);

    private static async Task<(HttpStatusCode Status, byte[] Body)> SubmitAsync(SandboxHarness sandbox, HttpClient http, string token, string id)
    {
        using var request = SubmitRequest(sandbox, token, id);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    // A retail invoice of 2 x 50.00 = 100.00 that the sandbox accepts.
    private static HttpRequestMessage SubmitRequest(SandboxHarness sandbox, string token, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.Server.BaseAddress, SpApiOperations.SubmitVendorInvoices.PathTemplate))
        {
            Content = new StringContent($$"""
                { "invoices": [ {
                  "invoiceType": "Invoice", "id": "{{id}}", "date": "2026-03-13T11:16:24Z",
                  "remitToParty": { "partyId": "VENDOR1", "address": { "name": "Vendor", "addressLine1": "1 Main Street", "countryCode": "US" } },
                  "invoiceTotal": { "currencyCode": "USD", "amount": "100.00" },
                  "items": [ { "itemSequenceNumber": 1, "invoicedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" }, "netCost": { "currencyCode": "USD", "amount": "50.00" }, "purchaseOrderNumber": "PO1" } ]
                } ] }
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-amz-access-token", token);
        return request;
    }
}
