using System.Management.Automation;
using System.Text.Json;
using SpApi.Core.Apis;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Connection;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Json;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.BadInput;

/// <summary>
/// Issue 14, item 6: failures that once escaped as a bare .NET exception (OverflowException, UriFormatException,
/// "Null character in path", "un-representable DateTime", an input file read whole into memory) each end in a typed
/// exception that ErrorClassifier maps to a documented ErrorId and a specific category, with a message that names
/// what is wrong and where. The ErrorIds themselves are checked against the documents by ErrorIdDocumentationTests.
/// </summary>
public sealed class DocumentedFailureCatalogueTests : IDisposable
{
    private const string Huge = "79228162514264337593543950335";
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-failures-").FullName;

    private static readonly Dictionary<string, (string ValidationId, string ErrorId, ErrorCategory Category, string[] Named, Func<string, Task> Act)> Cases = new()
    {
        ["a line total past decimal's range"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.InvalidVendorInvoice, ErrorCategory.InvalidData, new[] { "INV-1", "items[0]", "too large" },
            _ => Run(() => new InvoiceBatcher().Add(InvoiceSamples.Test(InvoiceApi.Vendor, ("items[0].netCost.amount", $"\"{Huge}\""))))),
        ["the sum of the taxes past decimal's range"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.InvalidVendorInvoice, ErrorCategory.InvalidData, new[] { "INV-1", "taxDetails", "too large" },
            _ => Run(() => new InvoiceBatcher().Add(InvoiceSamples.Test(InvoiceApi.Vendor,
                ("taxDetails", $"[ {{ \"taxType\": \"VAT\", \"taxAmount\": {{ \"currencyCode\": \"EUR\", \"amount\": \"{Huge}\" }} }}, {{ \"taxType\": \"VAT\", \"taxAmount\": {{ \"currencyCode\": \"EUR\", \"amount\": \"{Huge}\" }} }} ]"))))),
        ["a Direct Fulfillment line past decimal's range"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.InvalidVendorInvoice, ErrorCategory.InvalidData, new[] { "DF-1", "items[0]", "too large" },
            _ => Run(() => new InvoiceBatcher().Add(InvoiceSamples.Test(InvoiceApi.DirectFulfillment, ("items[0].netCost.amount", $"\"{Huge}\""))))),
        ["a server's Decimal string past decimal's range"] = (ErrorIds.InvalidVendorInvoiceQuery, ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult, new[] { "getInvoice", "1e40", "outside the range" },
            _ => Run(() => SpApiJson.Deserialize<Invoice>("{\"invoiceTotal\":{\"currencyCode\":\"EUR\",\"amount\":\"1e40\"}}"u8, "getInvoice"))),
        ["a server's settlement amounts that add up past decimal's range"] = (ErrorIds.InvalidVendorInvoiceQuery, ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult, new[] { "getInvoiceHeaders", "AmountPaid", "INV-9" },
            _ => Run(() => Header("INV-9", Huge, Huge).Settled("AmountPaid")!)),
        ["an invoice file larger than the limit"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.InputFileTooLarge, ErrorCategory.LimitsExceeded, new[] { "Path", "big.json", "64 MiB" },
            f => Run(() => InvoiceInput.ReadFile(Sparse(Path.Combine(f, "big.json"), InputFile.MaxInvoiceFileBytes + 1)))),
        ["a NUL in a path"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.InvalidVendorInvoiceInput, ErrorCategory.InvalidArgument, new[] { "LiteralPath", "a\\u0000b.json", "U+0000" },
            _ => Run(() => PathText.RequireValid("a\0b.json", "LiteralPath"))),
        ["a NUL in SPAPI_PROFILE_PATH"] = (ErrorIds.InvalidConnectionParameter, ErrorIds.InvalidConnectionParameter, ErrorCategory.InvalidArgument, new[] { "SPAPI_PROFILE_PATH", "U+0000" },
            _ => Run(() => ConnectionResolver.Resolve(new ConnectionRequest { ProfileName = "main" }, n => n == ProfileStore.PathVariable ? "/tmp/pro\0files.json" : null))),
        ["a profile path that is a folder"] = (ErrorIds.InvalidConnectionParameter, ErrorIds.ProfileFileUnavailable, ErrorCategory.ReadError, new[] { "is a folder", "SPAPI_PROFILE_PATH" },
            f => Run(() => ConnectionResolver.Resolve(new ConnectionRequest { ProfileName = "main" }, n => n == ProfileStore.PathVariable ? f : null))),
        ["a sync mark in the future"] = (ErrorIds.InvalidSyncParameter, ErrorIds.InvalidSyncState, ErrorCategory.InvalidData, new[] { CustomerInvoiceSync.StateFileName, "2999-01-01", "not before now" },
            f => Sync(f, "{\"highWaterMark\":\"2999-01-01T00:00:00+00:00\"}")),
        ["a sync state without a mark"] = (ErrorIds.InvalidSyncParameter, ErrorIds.InvalidSyncState, ErrorCategory.InvalidData, new[] { CustomerInvoiceSync.StateFileName, "no highWaterMark" },
            f => Sync(f, "{}")),
        ["a damaged sync state"] = (ErrorIds.InvalidSyncParameter, ErrorIds.InvalidSyncState, ErrorCategory.InvalidData, new[] { CustomerInvoiceSync.StateFileName, "is damaged" },
            f => Sync(f, "{\"highWaterMark\":")),
        ["a relative document URL"] = (ErrorIds.InvalidReceiveParameter, ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult, new[] { "getInvoicesDocument", "relative" },
            _ => Run(() => DocumentUrl.From("/download/DOC1.zip", "getInvoicesDocument"))),
        ["a plain http document URL off loopback"] = (ErrorIds.InvalidGovernmentInvoiceParameter, ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult, new[] { "getGovernmentInvoiceDocument", "plain http" },
            _ => Run(() => DocumentUrl.From("http://bucket.example.com/DOC1.xml", "getGovernmentInvoiceDocument"))),
        ["a missing document URL"] = (ErrorIds.InvalidReceiveParameter, ErrorIds.SpApiInvalidResponse, ErrorCategory.InvalidResult, new[] { "getInvoicesDocument", "missing" },
            _ => Run(() => DocumentUrl.From(null, "getInvoicesDocument"))),
        ["a submission stopped in flight"] = (ErrorIds.InvalidVendorInvoiceInput, ErrorIds.SpApiOperationStopped, ErrorCategory.OperationStopped, new[] { "INV-1, INV-2", "unknown", "Get-SpVendorInvoiceSubmission" },
            _ => throw new SubmissionStoppedException("submitInvoices", new[] { "INV-1", "INV-2" }, new OperationCanceledException())),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EndsInItsDocumentedErrorIdNamingWhatIsWrong(string name)
    {
        var (validationId, errorId, category, named, act) = Cases[name];

        var error = await Record.ExceptionAsync(() => act(folder));

        Assert.NotNull(error);
        Assert.Equal((errorId, category), ErrorClassifier.Classify(error!, validationId));
        Assert.All(named, text => Assert.Contains(text, error!.Message));
    }

    [Fact]
    public async Task AnInvoiceFileWithoutALengthIsReadOnlyUpToTheLimit()
    {
        // /dev/zero never ends and has no length: the read stops at the limit instead of filling memory.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var error = await Assert.ThrowsAsync<InputFileTooLargeException>(() => Run(() => InvoiceInput.ReadFile("/dev/zero")));

        Assert.Equal(("Path", "/dev/zero", InputFile.MaxInvoiceFileBytes), (error.ParamName, error.FilePath, error.Limit));
        Assert.Contains("no length", error.Message);
    }

    [Fact]
    public async Task AFarPastSyncMarkIsMovedUpToTheLookBackNotAnError()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        File.WriteAllText(Path.Combine(folder, CustomerInvoiceSync.StateFileName), "{\"highWaterMark\":\"0001-01-01T00:00:00+00:00\"}");
        var warnings = new List<string>();

        var result = await CustomerInvoiceSync.RunAsync(new CustomerInvoicesApi(sandbox.Client()), new CustomerInvoiceSyncOptions { Folder = folder }, TimeProvider.System, warnings.Add, null, CancellationToken.None);

        // The six months' seven-day windows (27) and their pages, not the 105,000 windows since year 1.
        Assert.InRange(sandbox.Counters.RequestsFor("getCustomerInvoices"), 27, 100);
        Assert.Equal(0, result.Failed);
        Assert.Contains(warnings, w => w.Contains("0001-01-01") && w.Contains("six months"));
    }

    private static Task Sync(string folder, string state)
    {
        File.WriteAllText(Path.Combine(folder, CustomerInvoiceSync.StateFileName), state);
        return CustomerInvoiceSync.RunAsync(new CustomerInvoicesApi(new SpApiClient(new SpApiClientOptions(SandboxHarness.Credentials(), new Uri("http://127.0.0.1:9/")))), new CustomerInvoiceSyncOptions { Folder = folder }, TimeProvider.System, _ => { }, null, CancellationToken.None);
    }

    private static InvoiceHeader Header(string number, params string[] paid) =>
        JsonSerializer.Deserialize<InvoiceHeader>(
            $"{{\"invoiceNumber\":\"{number}\",\"invoiceSettlementBreakdowns\":[{string.Join(",", paid.Select(p => $"{{\"breakdownType\":\"AmountPaid\",\"breakdownAmount\":{{\"currencyAmount\":{p},\"currencyCode\":\"EUR\"}}}}"))}]}}",
            SpApiJson.Options)!;

    // A file of that length that takes no disk space where the file system allows it (its bytes are never read).
    private static string Sparse(string path, long length)
    {
        using var file = new FileStream(path, FileMode.CreateNew);
        file.SetLength(length);
        return path;
    }

    private static Task Run(Func<object> action)
    {
        action();
        return Task.CompletedTask;
    }

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
