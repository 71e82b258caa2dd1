using System.Collections.Concurrent;
using System.Globalization;

namespace SpApi.Sandbox;

/// <summary>
/// A government invoice request the sandbox received: PROCESSING until <see cref="SandboxOptions.GovernmentInvoiceDelay"/>
/// has passed, then SUCCESS with an NF-e access key, or ERROR with invoiceErrors for the shipments that fail on demand.
/// </summary>
public sealed class SandboxGovernmentInvoice
{
    /// <summary>The request's id in the sandbox, which its document URLs carry.</summary>
    public required string Id { get; init; }

    /// <summary>The shipment.</summary>
    public required string ShipmentId { get; init; }

    /// <summary>The inbound plan given with the request, if any.</summary>
    public string? InboundPlanId { get; init; }

    /// <summary>The invoice type.</summary>
    public required string InvoiceType { get; init; }

    /// <summary>When it was received.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The NF-e access key it is authorised under, once SUCCESS.</summary>
    public required string AccessKey { get; init; }

    /// <summary>The carrier's name, when the request named one; the document shows it.</summary>
    public string? CarrierName { get; init; }

    /// <summary>When set, the request ends in ERROR with these errors.</summary>
    public IReadOnlyList<SandboxInvoiceError>? FailsWith { get; init; }

    /// <summary>PROCESSING, SUCCESS or ERROR, by the time since it was received; a shipment whose id starts with SANDBOX-PROCESSING never ends.</summary>
    public string Status(SandboxOptions options) =>
        DateTimeOffset.UtcNow - RequestedAt < options.GovernmentInvoiceDelay || ShipmentId.StartsWith("SANDBOX-PROCESSING", StringComparison.Ordinal)
            ? "PROCESSING"
            : FailsWith is null ? "SUCCESS" : "ERROR";

    /// <summary>The document: the NF-e XML, or a one-page PDF of it (its DANFE).</summary>
    public byte[] Document(string fileFormat) => fileFormat == "PDF"
        ? System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% DANFE {AccessKey} shipment {ShipmentId}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        : System.Text.Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nfeProc><NFe><infNFe Id=\"NFe{AccessKey}\"><ide><natOp>REMESSA</natOp></ide><transp><transporta><xNome>{CarrierName}</xNome></transporta></transp><infAdic><infCpl>{ShipmentId} {InvoiceType}</infCpl></infAdic></infNFe></NFe></nfeProc>\n");
}

/// <summary>The model's InvoiceError.</summary>
public sealed record SandboxInvoiceError(string ErrorCode, string Description);

/// <summary>Every government invoice request of the sandbox, by marketplace, shipment and types: the key Amazon asks by.</summary>
public sealed class SandboxGovernmentInvoices
{
    /// <summary>The shipment of the model's ERROR vector; shipments whose id starts with SANDBOX-ERROR fail the same way.</summary>
    public const string ErrorVectorShipment = "sh762cac-15f1-4d74-a03f-02f3197e4238";

    /// <summary>The error of the model's ERROR vector.</summary>
    public static readonly SandboxInvoiceError RegimeMismatch = new("481", "Rejeição: Código Regime Tributário do emitente diverge do cadastro na SEFAZ");

    private readonly ConcurrentDictionary<string, SandboxGovernmentInvoice> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxGovernmentInvoice> byId = new(StringComparer.Ordinal);
    private int next;

    /// <summary>The requests received, newest for each key.</summary>
    public IReadOnlyCollection<SandboxGovernmentInvoice> All => requests.Values.ToList();

    internal static string Key(string marketplaceId, string transactionType, string invoiceType, string shipmentId) =>
        $"{marketplaceId}|{transactionType}|{invoiceType}|{shipmentId}";

    // A new request for a key replaces the old one, as a request sent again starts again.
    internal SandboxGovernmentInvoice Add(string key, string shipmentId, string? inboundPlanId, string invoiceType, string? carrierName)
    {
        var number = Interlocked.Increment(ref next);
        var fails = shipmentId == ErrorVectorShipment || shipmentId.StartsWith("SANDBOX-ERROR", StringComparison.Ordinal);
        var request = new SandboxGovernmentInvoice
        {
            Id = $"GOV{number:D6}",
            ShipmentId = shipmentId,
            InboundPlanId = inboundPlanId,
            InvoiceType = invoiceType,
            RequestedAt = DateTimeOffset.UtcNow,
            AccessKey = "3526" + number.ToString("D40", CultureInfo.InvariantCulture),
            CarrierName = carrierName,
            FailsWith = fails ? new[] { RegimeMismatch } : null,
        };
        requests[key] = request;
        byId[request.Id] = request;
        return request;
    }

    internal SandboxGovernmentInvoice? Find(string key, string? inboundPlanId) =>
        requests.TryGetValue(key, out var request) && (string.IsNullOrEmpty(inboundPlanId) || request.InboundPlanId is null || request.InboundPlanId == inboundPlanId)
            ? request
            : null;

    internal SandboxGovernmentInvoice? FindById(string id) => byId.TryGetValue(id, out var request) ? request : null;
}
