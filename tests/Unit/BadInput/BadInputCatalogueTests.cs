using SpApi.Core.Apis;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Auth;
using SpApi.Core.Connection;
using SpApi.Core.Endpoints;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Limits;
using SpApi.Core.Security;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;

namespace SpApi.Tests.BadInput;

/// <summary>
/// The bad-input catalogue: every validation the cmdlets rely on refuses its input before anything is
/// sent (the sandbox sees no request and issues no token), with a message that names the parameter
/// and states the rule.
/// </summary>
public sealed class BadInputCatalogueTests
{
    private const string Brazil = "A2Q3Y263D00KWC";
    private static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, (string Parameter, string Rule, Func<Context, Task> Act)> Cases = new()
    {
        // Connect-SpApi and Save-SpApiProfile.
        ["missing profile"] = ("ProfileName", "does not exist", c => Resolve(c, new ConnectionRequest { ProfileName = "nope" })),
        ["client id without secret"] = ("ClientSecret", "is required", c => Resolve(c, new ConnectionRequest { ClientId = "c", Region = SpApiRegion.EU })),
        ["refresh token and scope"] = ("Scope", "either a refresh token", c => Resolve(c, Credentials(r => r.Scope = "sellingpartnerapi::notifications"))),
        ["no refresh token nor scope"] = ("RefreshToken", "refresh token is required", c => Resolve(c, Credentials(r => r.RefreshToken = null))),
        ["marketplace outside the region"] = ("Region", "served by the EU region", c => Resolve(c, Credentials(r => { r.Region = SpApiRegion.NA; r.MarketplaceId = "A21TJRUUN4KGV"; }))),
        ["unknown marketplace"] = ("MarketplaceId", "is not an SP-API marketplace id", c => Resolve(c, Credentials(r => r.MarketplaceId = "XX000"))),
        ["http endpoint off loopback"] = ("Endpoint", "loopback", c => Resolve(c, Credentials(r => r.Endpoint = new Uri("http://spapi.example.com/")))),
        ["http token endpoint off loopback"] = ("TokenEndpoint", "loopback", c => Resolve(c, Credentials(r => r.TokenEndpoint = new Uri("http://auth.example.com/token")))),
        ["nowhere to connect"] = ("Region", "-Region", c => Resolve(c, Credentials(r => r.Region = null))),
        ["bad SPAPI_REGION"] = ("SPAPI_REGION", "NA, EU or FE", c => Resolve(c, Credentials(r => r.Region = null), ("SPAPI_REGION", "MOON"))),
        ["bad SPAPI_ENDPOINT"] = ("SPAPI_ENDPOINT", "absolute URI", c => Resolve(c, Credentials(), ("SPAPI_ENDPOINT", "not a uri"))),
        ["empty client id"] = ("clientId", "must not be empty", _ => Run(() => LwaCredentials.ForRefreshToken(" ", new SpApiSecret("s"), new SpApiSecret("r")))),
        ["empty grantless scope"] = ("scope", "scope", _ => Run(() => LwaCredentials.ForScope("c", new SpApiSecret("s"), " "))),
        ["too many retries"] = ("MaxRetries", "between 0 and 20", c => Run(() => new SpApiClient(new SpApiClientOptions(SandboxHarness.Credentials(), c.Sandbox.Server.BaseAddress) { MaxRetries = 50 }))),
        ["rate scale zero"] = ("rateScale", "positive", _ => Run(() => new RateLimiterRegistry(TimeProvider.System, 0))),

        // Get-SpCustomerInvoice and Save-SpCustomerInvoice.
        ["purchase order with a dash"] = ("purchaseOrderNumber", "^[a-zA-Z0-9]+$", c => c.CustomerInvoices.GetCustomerInvoiceAsync("PO-1", CancellationToken.None)),
        ["empty purchase order"] = ("purchaseOrderNumber", "^[a-zA-Z0-9]+$", c => c.CustomerInvoices.GetCustomerInvoiceAsync("", CancellationToken.None)),
        ["range ending at its start"] = ("CreatedBefore", "must be later than CreatedAfter", c => Range(c, r => r.CreatedBefore = r.CreatedAfter)),
        ["page size 0"] = ("PageSize", "between 1 and 100", c => Range(c, r => r.PageSize = 0)),
        ["page size 101"] = ("PageSize", "between 1 and 100", c => Range(c, r => r.PageSize = 101)),
        ["negative skip"] = ("Skip", "must not be negative", c => Range(c, r => r.Skip = -1)),
        ["window over 7 days"] = ("CreatedBefore", "at most 7 days", c => c.CustomerInvoices.GetCustomerInvoicePageAsync(new CustomerInvoicesQuery { CreatedAfter = End.AddDays(-8), CreatedBefore = End }, null, CancellationToken.None)),
        ["page limit 0"] = ("PageSize", "between 1 and 100, the bounds the getCustomerInvoices model", c => c.CustomerInvoices.GetCustomerInvoicePageAsync(new CustomerInvoicesQuery { CreatedAfter = End.AddDays(-1), CreatedBefore = End, PageSize = 0 }, null, CancellationToken.None)),
        ["file name escaping the folder"] = ("PurchaseOrderNumber", "^[a-zA-Z0-9]+$", c => Run(() => CustomerInvoiceFiles.Save(new CustomerInvoice { PurchaseOrderNumber = "../PO1", Content = "JVBERi0=" }, c.Folder, force: false))),

        // Sync-SpCustomerInvoice.
        ["sync without a folder"] = ("Path", "folder", c => Sync(c, new CustomerInvoiceSyncOptions { Folder = " " })),
        ["negative overlap"] = ("Overlap", "between 0 and 7 days", c => Sync(c, new CustomerInvoiceSyncOptions { Folder = c.Folder, Overlap = TimeSpan.FromHours(-1) })),
        ["sync starting in the future"] = ("Since", "not before now", c => Sync(c, new CustomerInvoiceSyncOptions { Folder = c.Folder, Since = End.AddDays(1) })),

        // New-SpInvoiceExport, Get-SpInvoice, Get-SpInvoiceExport, Receive-SpInvoiceExport.
        ["export for an unknown marketplace"] = ("MarketplaceId", "is not an SP-API marketplace id", c => c.TaxInvoices.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = "XX000" }, CancellationToken.None)),
        ["export ending before it starts"] = ("DateEnd", "must be later than DateStart", c => c.TaxInvoices.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, DateStart = End, DateEnd = End.AddDays(-1) }, CancellationToken.None)),
        ["half a transaction identifier"] = ("TransactionIdentifierId", "give both or neither", c => c.TaxInvoices.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, TransactionIdentifier = new TransactionIdentifier { Name = "SHIPMENT_ID" } }, CancellationToken.None)),
        ["export as PDF"] = ("FileFormat", "must be XML", c => c.TaxInvoices.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, FileFormat = "PDF" }, CancellationToken.None)),
        ["empty status list"] = ("Status", "at least one", c => c.TaxInvoices.CreateInvoicesExportAsync(new ExportInvoicesRequest { MarketplaceId = Brazil, Statuses = new List<string>() }, CancellationToken.None)),
        ["invoice page size 201"] = ("PageSize", "between 1 and 200", c => c.TaxInvoices.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = Brazil, PageSize = 201 }, CancellationToken.None).ToListAsync()),
        ["invoice sort order UP"] = ("SortOrder", "ASC or DESC", c => c.TaxInvoices.GetInvoicePagesAsync(new InvoicesQuery { MarketplaceId = Brazil, SortOrder = "UP" }, CancellationToken.None).ToListAsync()),
        ["export page size 101"] = ("PageSize", "between 1 and 100", c => c.TaxInvoices.GetInvoicesExportPagesAsync(Brazil, null, null, null, 101, CancellationToken.None).ToListAsync()),
        ["unknown export status"] = ("Status", "REQUESTED, PROCESSING, DONE or ERROR", c => c.TaxInvoices.GetInvoicesExportPagesAsync(Brazil, null, null, "FINISHED", null, CancellationToken.None).ToListAsync()),
        ["empty invoice id"] = ("InvoiceId", "must not be empty", c => c.TaxInvoices.GetInvoiceAsync(Brazil, " ", CancellationToken.None)),
        ["empty export id"] = ("ExportId", "must not be empty", c => c.TaxInvoices.GetInvoicesExportAsync("", CancellationToken.None)),
        ["receive without a folder"] = ("Path", "folder", c => Receive(c, new InvoiceExportReceiveOptions { Folder = "" })),
        ["receive polling every 0 s"] = ("PollIntervalSec", "must be positive", c => Receive(c, new InvoiceExportReceiveOptions { Folder = c.Folder, PollInterval = TimeSpan.Zero })),

        // New-, Test- and Submit-SpVendorInvoice, Get-SpTransactionStatus.
        ["batch size 0"] = ("BatchSize", "from 1 to 100", _ => Run(() => new InvoiceBatcher(0))),
        ["batch size 101"] = ("BatchSize", "from 1 to 100", _ => Run(() => new InvoiceBatcher(101))),
        ["the same invoice twice"] = ("InputObject", "appears twice in the input", _ => Run(() => Twice(new InvoiceBatcher(), Invoice("INV-1")))),
        ["invoice file that is not JSON"] = ("Path", "is not valid JSON", c => Run(() => InvoiceInput.ReadFile(File(c, "{ \"invoices\": ")))),
        ["invoice file holding text"] = ("Path", "must hold {\"invoices\": [ ... ]}", c => Run(() => InvoiceInput.ReadFile(File(c, "\"INV-1\"")))),
        ["missing invoice file"] = ("Path", "cannot be read", c => Run(() => InvoiceInput.ReadFile(Path.Combine(c.Folder, "missing.json")))),
        ["CSV rows of an invoice apart"] = ("InputObject", "must be adjacent", _ => Run(() => Rows("A1", "B1", "A1"))),
        ["CSV row without an invoice number"] = ("InputObject", "has no InvoiceNumber", _ => Run(() => Rows("A1", " "))),
        ["empty transaction id"] = ("TransactionId", "must not be empty", c => new VendorInvoicingApi(c.Client).GetTransactionAsync(InvoiceApi.Vendor, " ", DirectFulfillmentVersion.Current, CancellationToken.None)),
        ["unknown transaction status version"] = ("ApiVersion", "2021-12-28, v1", _ => Run(() => DirectFulfillmentVersion.Parse("2022-01-01"))),
        ["transaction poll every 0 s"] = ("PollIntervalSec", "must be positive", c => TransactionWaiter.WaitAsync(new VendorInvoicingApi(c.Client), new[] { new TransactionWatch("T-1", InvoiceApi.Vendor, Array.Empty<string>()) }, new TransactionWaitOptions { PollInterval = TimeSpan.Zero }, TimeProvider.System, null, null, CancellationToken.None).ToListAsync()),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void TheCatalogueHasAtLeastThirtyBadInputs() => Assert.True(Cases.Count >= 30, $"only {Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task IsRefusedBeforeAnyCallWithTheParameterAndTheRule(string name)
    {
        var (parameter, rule, act) = Cases[name];
        await using var sandbox = await SandboxHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("spapi-bad-").FullName;
        try
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => act(new Context(sandbox, folder)));

            Assert.Equal(parameter, error.ParamName);
            Assert.Contains(rule, error.Message);
            Assert.Equal(0, sandbox.Counters.Requests);
            Assert.Equal(0, sandbox.Counters.AccessTokensIssued);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ConnectionRequest Credentials(Action<ConnectionRequest>? change = null)
    {
        var request = new ConnectionRequest { ClientId = "client", ClientSecret = new SpApiSecret("secret"), RefreshToken = new SpApiSecret("Atzr|token"), Region = SpApiRegion.EU };
        change?.Invoke(request);
        return request;
    }

    private static Task Resolve(Context context, ConnectionRequest request, params (string Name, string Value)[] environment) =>
        Run(() => ConnectionResolver.Resolve(request, name =>
            name == "SPAPI_PROFILE_PATH" ? Path.Combine(context.Folder, "profiles.json") : environment.FirstOrDefault(e => e.Name == name).Value));

    private static Task Range(Context context, Action<CustomerInvoiceRangeQuery> change)
    {
        var query = new CustomerInvoiceRangeQuery { CreatedAfter = End.AddDays(-30), CreatedBefore = End };
        change(query);
        return CustomerInvoiceRange.ReadAsync(context.CustomerInvoices, query, null, CancellationToken.None, time: FixedClock.At(End)).ToListAsync();
    }

    private static Task Sync(Context context, CustomerInvoiceSyncOptions options)
    {
        var clock = new FakeTimeProvider();
        clock.Advance(End - clock.GetUtcNow());
        return CustomerInvoiceSync.RunAsync(context.CustomerInvoices, options, clock, _ => { }, null, CancellationToken.None);
    }

    private static Task Receive(Context context, InvoiceExportReceiveOptions options) =>
        InvoiceExportReceiver.ReceiveAsync(context.TaxInvoices, "EXPORT000001", options, TimeProvider.System, null, CancellationToken.None).ToListAsync();

    private static object Invoice(string id) =>
        InvoiceInput.Read(new Dictionary<string, object?> { ["id"] = id }, InvoiceApi.Vendor).Invoice!;

    private static object Twice(InvoiceBatcher batcher, object invoice)
    {
        batcher.Add(invoice);
        return batcher.Add(invoice);
    }

    private static string File(Context context, string content)
    {
        var path = Path.Combine(context.Folder, "invoices.json");
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static object Rows(params string[] invoiceNumbers)
    {
        var grouper = new InvoiceCsvGrouper(InvoiceApi.Vendor);
        return invoiceNumbers.Select(n => grouper.Add(new Dictionary<string, string?> { ["InvoiceNumber"] = n })).ToList();
    }

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private static Task Run(Func<object> action)
    {
        action();
        return Task.CompletedTask;
    }

    private sealed class Context(SandboxHarness sandbox, string folder)
    {
        public SandboxHarness Sandbox { get; } = sandbox;

        public string Folder { get; } = folder;

        public SpApiClient Client { get; } = sandbox.Client();

        public CustomerInvoicesApi CustomerInvoices => new(Client);

        public TaxInvoicesApi TaxInvoices => new(Client);
    }
}
