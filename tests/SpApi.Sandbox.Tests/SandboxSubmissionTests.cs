using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Tests.Support;

namespace SpApi.Sandbox.Tests;

/// <summary>
/// The sandbox's invoice submission and transaction status: bodies checked against the official models,
/// the Processing → Success/Failure lifecycle with its business checks, and the faults that strike after
/// a submission was processed.
/// </summary>
public sealed class SandboxSubmissionTests
{
    private static readonly OperationDescriptor Retail = SpApiOperations.SubmitVendorInvoices;
    private static readonly OperationDescriptor DirectFulfillment = SpApiOperations.SubmitDirectFulfillmentInvoice;

    private static readonly Dictionary<string, (OperationDescriptor Operation, Action<JsonNode> Break, string Path, string Rule)> Rules = new()
    {
        ["missing required"] = (Retail, b => b["invoices"]![0]!["remitToParty"]!.AsObject().Remove("partyId"), "invoices[0].remitToParty.partyId", "is required"),
        ["missing required (DF)"] = (DirectFulfillment, b => b["invoices"]![0]!["items"]![0]!.AsObject().Remove("purchaseOrderNumber"), "invoices[0].items[0].purchaseOrderNumber", "is required"),
        ["bad enum"] = (Retail, b => b["invoices"]![0]!["invoiceType"] = "Bill", "invoices[0].invoiceType", "must be one of Invoice, CreditNote"),
        ["decimal comma"] = (Retail, b => b["invoices"]![0]!["invoiceTotal"]!["amount"] = "12,50", "invoices[0].invoiceTotal.amount", "must be a decimal number written as a string"),
        ["amount as a JSON number"] = (DirectFulfillment, b => b["invoices"]![0]!["items"]![0]!["netCost"]!["amount"] = 12.5m, "invoices[0].items[0].netCost.amount", "not the number 12.5"),
        ["registration details as an object"] = (Retail, b => b["invoices"]![0]!["remitToParty"]!["taxRegistrationDetails"] = new JsonObject { ["taxRegistrationType"] = "VAT", ["taxRegistrationNumber"] = "DE123456789" }, "invoices[0].remitToParty.taxRegistrationDetails", "must be an array, not an object"),
        ["three-letter country"] = (Retail, b => b["invoices"]![0]!["remitToParty"]!["address"]!["countryCode"] = "USA", "invoices[0].remitToParty.address.countryCode", "at most 2 characters"),
        ["date without a zone"] = (Retail, b => b["invoices"]![0]!["date"] = "13/03/2026 11:16", "invoices[0].date", "ISO 8601 date-time"),
        ["sequence number as a string"] = (Retail, b => b["invoices"]![0]!["items"]![0]!["itemSequenceNumber"] = "1", "invoices[0].items[0].itemSequenceNumber", "must be an integer"),
    };

    public static TheoryData<string> RuleNames() => new(Rules.Keys);

    [Fact]
    public async Task AValidRetailSubmissionGetsATransactionId()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var transactionId = await SubmitAsync(sandbox.Client(), Retail, RetailBody("INV-1"));

        Assert.Matches(@"^\d{14}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", transactionId);
        var transaction = Assert.Single(sandbox.State.Transactions.All);
        Assert.Equal((transactionId, SubmissionApi.Vendor), (transaction.TransactionId, transaction.Api));
        Assert.Equal(new[] { "INV-1" }, transaction.InvoiceIds);
        Assert.Equal(1, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task AValidDirectFulfillmentSubmissionGetsATransactionId()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var transactionId = await SubmitAsync(sandbox.Client(), DirectFulfillment, DirectFulfillmentBody("DF-1", "DF-2"));

        var transaction = Assert.Single(sandbox.State.Transactions.All);
        Assert.Equal((transactionId, SubmissionApi.DirectFulfillment), (transaction.TransactionId, transaction.Api));
        Assert.Equal(new[] { "DF-1", "DF-2" }, transaction.InvoiceIds);
        Assert.Equal(2, sandbox.Counters.InvoicesReceived);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public async Task ABodyAgainstTheModelIsRefusedWithThePathOfTheProblem(string name)
    {
        var (operation, breakRule, path, rule) = Rules[name];
        await using var sandbox = await SandboxHarness.StartAsync();
        var body = operation == Retail ? RetailBody("INV-1") : DirectFulfillmentBody("DF-1");
        breakRule(body);

        var error = await Assert.ThrowsAsync<SpApiException>(() => SubmitAsync(sandbox.Client(), operation, body));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        var problem = Assert.Single(error.Errors);
        Assert.Equal("InvalidInput", problem.Code);
        Assert.StartsWith(path + " ", problem.Message);
        Assert.Contains(rule, problem.Message);
        Assert.Equal(path, problem.Details);
        Assert.Empty(sandbox.State.Transactions.All);
        Assert.Equal(0, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task EveryProblemOfABodyIsReportedAtOnce()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var body = RetailBody("INV-1", "INV-2");
        foreach (var name in new[] { "bad enum", "decimal comma", "three-letter country" })
        {
            Rules[name].Break(body);
        }

        body["invoices"]![1]!.AsObject().Remove("date");

        var error = await Assert.ThrowsAsync<SpApiException>(() => SubmitAsync(sandbox.Client(), Retail, body));

        Assert.Equal(
            new[] { "invoices[0].invoiceType", "invoices[0].invoiceTotal.amount", "invoices[0].remitToParty.address.countryCode", "invoices[1].date" }.OrderBy(p => p),
            error.Errors.Select(e => e.Details).OrderBy(p => p));
    }

    [Theory]
    [InlineData("{\"invoices\":[]}")]
    [InlineData("{}")]
    public async Task ASubmissionWithoutInvoicesIsRefused(string json)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<SpApiException>(() => SubmitAsync(sandbox.Client(), DirectFulfillment, JsonNode.Parse(json)!));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invoices must list at least one invoice.", Assert.Single(error.Errors).Message);
        Assert.Empty(sandbox.State.Transactions.All);
    }

    [Fact]
    public async Task ARetailTransactionIsProcessingThenSuccess()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        var transactionId = await SubmitAsync(client, Retail, RetailBody("INV-1"));

        var first = await StatusAsync(client, SpApiOperations.GetVendorTransaction, transactionId);
        var second = await StatusAsync(client, SpApiOperations.GetVendorTransaction, transactionId);

        Assert.Equal(transactionId, first.GetProperty("transactionId").GetString());
        Assert.Equal(("Processing", "Success"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));
        Assert.False(second.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ADirectFulfillmentTransactionIsProcessingThenSuccessOnBothVersions()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 2);
        var client = sandbox.Client();
        var transactionId = await SubmitAsync(client, DirectFulfillment, DirectFulfillmentBody("DF-1"));

        var statuses = new List<string?>();
        foreach (var operation in new[]
        {
            SpApiOperations.GetDirectFulfillmentTransactionStatusV1, SpApiOperations.GetDirectFulfillmentTransactionStatus,
            SpApiOperations.GetDirectFulfillmentTransactionStatusV1, SpApiOperations.GetDirectFulfillmentTransactionStatus,
        })
        {
            var status = await StatusAsync(client, operation, transactionId);
            Assert.Equal(transactionId, status.GetProperty("transactionId").GetString());
            statuses.Add(status.GetProperty("status").GetString());
        }

        Assert.Equal(new[] { "Processing", "Processing", "Success", "Success" }, statuses);
    }

    [Fact]
    public async Task AnUnknownTransactionOrOneOfTheOtherApiIsNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        var retail = await SubmitAsync(client, Retail, RetailBody("INV-1"));
        var directFulfillment = await SubmitAsync(client, DirectFulfillment, DirectFulfillmentBody("DF-1"));

        foreach (var (operation, transactionId) in new[]
        {
            (SpApiOperations.GetVendorTransaction, "20260313111624-00000000-0000-0000-0000-000000000000"),
            (SpApiOperations.GetVendorTransaction, directFulfillment),
            (SpApiOperations.GetDirectFulfillmentTransactionStatusV1, retail),
            (SpApiOperations.GetDirectFulfillmentTransactionStatus, retail),
        })
        {
            var error = await Assert.ThrowsAsync<SpApiException>(() => StatusAsync(client, operation, transactionId));
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Equal(SpApiFailureKind.NotFound, error.Kind);
            Assert.Equal("NotFound", error.AmazonErrorCode);
        }

        Assert.All(sandbox.State.Transactions.All, t => Assert.Equal(0, t.StatusReads));
    }

    [Fact]
    public async Task AnInvoiceWhoseTotalDoesNotAddUpFails()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var client = sandbox.Client();
        var body = RetailBody("INV-6", "INV-7");
        body["invoices"]![1]!["invoiceTotal"]!["amount"] = "100.00";

        var status = await StatusAsync(client, SpApiOperations.GetVendorTransaction, await SubmitAsync(client, Retail, body));

        Assert.Equal("Failure", status.GetProperty("status").GetString());
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_INVOICE_TOTAL", error.GetProperty("code").GetString());
        Assert.Equal("Invoice INV-7: invoiceTotal 100.00 does not equal the computed 112.05.", error.GetProperty("message").GetString());
        Assert.Equal(2, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task ATotalIsAddedUpInDecimalAndRoundedAwayFromZero()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var client = sandbox.Client();

        // 3 × 10.00 + 0.325 + taxes 5.70 + 0.06 + charge 2.50 = 38.585: 38.59 away from zero, 38.58 to even.
        var exact = await SubmitAsync(client, DirectFulfillment, DirectFulfillmentBody("DF-1"));
        var toEven = DirectFulfillmentBody("DF-2");
        toEven["invoices"]![0]!["invoiceTotal"]!["amount"] = "38.58";
        var wrong = await SubmitAsync(client, DirectFulfillment, toEven);

        Assert.Equal("Success", (await StatusAsync(client, SpApiOperations.GetDirectFulfillmentTransactionStatus, exact)).GetProperty("status").GetString());
        var failure = await StatusAsync(client, SpApiOperations.GetDirectFulfillmentTransactionStatus, wrong);
        Assert.Equal("Invoice DF-2: invoiceTotal 38.58 does not equal the computed 38.59.", failure.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnInvoiceSubmittedAgainToTheSameApiFailsAsADuplicate()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var client = sandbox.Client();
        var first = await SubmitAsync(client, Retail, RetailBody("INV-1"));
        var again = await SubmitAsync(client, Retail, RetailBody("INV-1", "INV-2"));
        var third = await SubmitAsync(client, Retail, RetailBody("INV-1"));
        var otherApi = await SubmitAsync(client, DirectFulfillment, DirectFulfillmentBody("INV-1"));

        Assert.Equal("Success", (await StatusAsync(client, SpApiOperations.GetVendorTransaction, first)).GetProperty("status").GetString());
        var duplicate = await StatusAsync(client, SpApiOperations.GetVendorTransaction, again);
        Assert.Equal("Failure", duplicate.GetProperty("status").GetString());
        var error = Assert.Single(duplicate.GetProperty("errors").EnumerateArray());
        Assert.Equal("DUPLICATE_INVOICE", error.GetProperty("code").GetString());
        Assert.Equal($"Invoice INV-1 was already submitted in transaction {first}.", error.GetProperty("message").GetString());
        Assert.Equal("Failure", (await StatusAsync(client, SpApiOperations.GetVendorTransaction, third)).GetProperty("status").GetString());
        Assert.Equal("Success", (await StatusAsync(client, SpApiOperations.GetDirectFulfillmentTransactionStatusV1, otherApi)).GetProperty("status").GetString());
        Assert.Equal(1, sandbox.Counters.DuplicateInvoiceSubmissions);
        Assert.Equal(5, sandbox.Counters.InvoicesReceived);
    }

    [Fact]
    public async Task AResetForgetsTransactionsAndTheInvoiceIdsSeen()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.TransactionProcessingReads = 0);
        var client = sandbox.Client();
        var before = await SubmitAsync(client, Retail, RetailBody("INV-1"));
        await SubmitAsync(client, Retail, RetailBody("INV-1"));

        sandbox.State.Reset();

        var error = await Assert.ThrowsAsync<SpApiException>(() => StatusAsync(client, SpApiOperations.GetVendorTransaction, before));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var after = await SubmitAsync(client, Retail, RetailBody("INV-1"));
        Assert.Equal("Success", (await StatusAsync(client, SpApiOperations.GetVendorTransaction, after)).GetProperty("status").GetString());
        Assert.Equal((1, 0), (sandbox.Counters.InvoicesReceived, sandbox.Counters.DuplicateInvoiceSubmissions));
    }

    [Theory]
    [InlineData(FaultKind.ResetAfterProcessing, null)]
    [InlineData(FaultKind.InternalServerErrorAfterProcessing, HttpStatusCode.InternalServerError)]
    public async Task AFaultAfterProcessingHidesTheAnswerButNotTheTransaction(FaultKind fault, HttpStatusCode? status)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        sandbox.State.Faults.Inject(fault, 1, "submitInvoices");

        var error = await Assert.ThrowsAsync<SpApiException>(() => SubmitAsync(client, Retail, RetailBody("INV-1")));

        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoices"));
        var transaction = Assert.Single(sandbox.State.Transactions.All);
        Assert.Equal(new[] { "INV-1" }, transaction.InvoiceIds);
        Assert.Equal(1, sandbox.Counters.InvoicesReceived);
        Assert.Equal("Processing", (await StatusAsync(client, SpApiOperations.GetVendorTransaction, transaction.TransactionId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RandomFaultsCanBeAfterProcessingOnes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client();
        await client.VerifyCredentialsAsync(CancellationToken.None); // the token first, so the faults hit the submission
        sandbox.State.Faults.InjectRandomly(1, seed: 1, new[] { FaultKind.InternalServerErrorAfterProcessing });

        var error = await Assert.ThrowsAsync<SpApiException>(() => SubmitAsync(client, DirectFulfillment, DirectFulfillmentBody("DF-1")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.RequestMayHaveBeenProcessed);
        Assert.Equal(1, sandbox.Counters.RequestsFor("submitInvoice"));
        Assert.Equal("DF-1", Assert.Single(Assert.Single(sandbox.State.Transactions.All).InvoiceIds));
    }

    private static async Task<string> SubmitAsync(SpApiClient client, OperationDescriptor operation, JsonNode body)
    {
        var payload = await client.SendAsync<JsonElement>(new SpApiRequest(operation).WithJsonBody(body), CancellationToken.None);
        return payload.GetProperty("transactionId").GetString()!;
    }

    private static async Task<JsonElement> StatusAsync(SpApiClient client, OperationDescriptor operation, string transactionId)
    {
        var body = await client.SendAsync<JsonElement>(new SpApiRequest(operation).WithPath("transactionId", transactionId), CancellationToken.None);
        return body.GetProperty("transactionStatus");
    }

    /// <summary>Retail invoices of 2 × 50.00 + freight 5.00 − discount 3.00 + VAT 10.05 = 112.05, all at invoice level.</summary>
    private static JsonNode RetailBody(params string[] ids) => Body(ids.Select(id => $$"""
        {
          "invoiceType": "Invoice",
          "id": "{{id}}",
          "date": "2026-03-13T11:16:24Z",
          "remitToParty": {
            "partyId": "VENDOR1",
            "address": { "name": "Vendor", "addressLine1": "1 Main Street", "countryCode": "US" },
            "taxRegistrationDetails": [ { "taxRegistrationType": "VAT", "taxRegistrationNumber": "US123" } ]
          },
          "invoiceTotal": { "currencyCode": "USD", "amount": "112.05" },
          "chargeDetails": [ { "type": "Freight", "chargeAmount": { "currencyCode": "USD", "amount": "5.00" } } ],
          "allowanceDetails": [ { "type": "Discount", "allowanceAmount": { "currencyCode": "USD", "amount": "3.00" } } ],
          "taxDetails": [ { "taxType": "VAT", "taxAmount": { "currencyCode": "USD", "amount": "10.05" } } ],
          "items": [
            {
              "itemSequenceNumber": 1,
              "invoicedQuantity": { "amount": 2, "unitOfMeasure": "Eaches" },
              "netCost": { "currencyCode": "USD", "amount": "50.00" },
              "purchaseOrderNumber": "PO1"
            }
          ]
        }
        """));

    /// <summary>DF invoices with taxes on the items only: 3 × 10.00 + 0.325 + taxes 5.70 + 0.06 + gift wrap 2.50 = 38.59.</summary>
    private static JsonNode DirectFulfillmentBody(params string[] invoiceNumbers) => Body(invoiceNumbers.Select(number => $$"""
        {
          "invoiceNumber": "{{number}}",
          "invoiceDate": "2026-03-13T11:16:24+01:00",
          "remitToParty": { "partyId": "VENDOR1" },
          "shipFromParty": { "partyId": "WH1" },
          "invoiceTotal": { "currencyCode": "EUR", "amount": "38.59" },
          "chargeDetails": [ { "type": "GIFTWRAP", "chargeAmount": { "currencyCode": "EUR", "amount": "2.50" } } ],
          "items": [
            {
              "itemSequenceNumber": "1",
              "invoicedQuantity": { "amount": 3, "unitOfMeasure": "Each" },
              "netCost": { "currencyCode": "EUR", "amount": "10.00" },
              "purchaseOrderNumber": "PO1",
              "taxDetails": [ { "taxType": "VAT", "taxAmount": { "currencyCode": "EUR", "amount": "5.70" } } ]
            },
            {
              "itemSequenceNumber": "2",
              "invoicedQuantity": { "amount": 1, "unitOfMeasure": "Each" },
              "netCost": { "currencyCode": "EUR", "amount": "0.325" },
              "purchaseOrderNumber": "PO1",
              "taxDetails": [ { "taxType": "VAT", "taxAmount": { "currencyCode": "EUR", "amount": "0.06" } } ]
            }
          ]
        }
        """));

    private static JsonNode Body(IEnumerable<string> invoices) => JsonNode.Parse($$"""{ "invoices": [ {{string.Join(",", invoices)}} ] }""")!;
}
