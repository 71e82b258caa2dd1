using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Workflows;
using SpApi.Tests.Support;

using static SpApi.Tests.TaxInvoices.GovernmentSandbox;

namespace SpApi.Tests.TaxInvoices;

/// <summary>
/// The government invoice part of the bad-input catalogue: each bad value is refused before anything is sent
/// (no request, no token), with a message that names the parameter and states the rule.
/// </summary>
public sealed class GovernmentInvoiceBadInputTests
{
    private static readonly Dictionary<string, (string Parameter, string Rule, Func<GovernmentInvoicesApi, string, Task> Act)> Cases = new()
    {
        ["no shipment id"] = ("ShipmentId", "is required", (api, _) => Create(api, s => s.ShipmentId = " ")),
        ["no transaction type"] = ("TransactionType", "is required", (api, _) => Create(api, s => s.TransactionType = "")),
        ["no invoice type"] = ("InvoiceType", "is required", (api, _) => Create(api, s => s.InvoiceType = "")),
        ["no marketplace"] = ("MarketplaceId", "is required", (api, _) => Create(api, s => s.MarketplaceId = "")),
        ["India"] = ("MarketplaceId", "serves the Brazil marketplace (A2Q3Y263D00KWC) only", (api, _) => Create(api, s => s.MarketplaceId = "A21TJRUUN4KGV")),
        ["an unknown marketplace"] = ("MarketplaceId", "is not an SP-API marketplace id", (api, _) => Create(api, s => s.MarketplaceId = "XX000")),
        ["status of another marketplace"] = ("MarketplaceId", "serves the Brazil marketplace", (api, _) => api.GetGovernmentInvoiceStatusAsync(With(s => s.MarketplaceId = "ATVPDKIKX0DER"), CancellationToken.None)),
        ["document without a shipment"] = ("ShipmentId", "is required", (api, _) => api.GetGovernmentInvoiceDocumentAsync(With(s => s.ShipmentId = ""), "XML", CancellationToken.None)),
        ["document as DOCX"] = ("FileFormat", "XML or PDF", (api, _) => api.GetGovernmentInvoiceDocumentAsync(Shipment(), "DOCX", CancellationToken.None)),
        ["receive without a folder"] = ("Path", "folder", (api, _) => Receive(api, new GovernmentInvoiceReceiveOptions { Folder = "" })),
        ["receive polling every 0 s"] = ("PollIntervalSec", "must be positive", (api, folder) => Receive(api, new GovernmentInvoiceReceiveOptions { Folder = folder, PollInterval = TimeSpan.Zero })),
        ["receive as DOCX"] = ("FileFormat", "XML or PDF", (api, folder) => Receive(api, new GovernmentInvoiceReceiveOptions { Folder = folder, FileFormat = "DOCX" })),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task IsRefusedBeforeAnyCallWithTheParameterAndTheRule(string name)
    {
        var (parameter, rule, act) = Cases[name];
        await using var sandbox = await StartAsync();
        var folder = Directory.CreateTempSubdirectory("spapi-bad-nfe-").FullName;
        try
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => act(new GovernmentInvoicesApi(sandbox.Client()), folder));

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

    private static GovernmentInvoiceShipment With(Action<GovernmentInvoiceShipment> change)
    {
        var shipment = Shipment();
        change(shipment);
        return shipment;
    }

    private static Task Create(GovernmentInvoicesApi api, Action<GovernmentInvoiceShipment> change) =>
        api.CreateGovernmentInvoiceAsync(new GovernmentInvoiceRequest(With(change), null), CancellationToken.None);

    private static Task Receive(GovernmentInvoicesApi api, GovernmentInvoiceReceiveOptions options) =>
        GovernmentInvoiceReceiver.ReceiveAsync(api, Shipment(), options, new FakeTimeProvider(), null, null, CancellationToken.None);
}
