namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>What New-SpInvoiceExport outputs: the new export's id and status with the request that made it.</summary>
public sealed class InvoiceExport
{
    /// <summary>Creates the record of a request that Amazon accepted.</summary>
    public InvoiceExport(string exportId, ExportInvoicesRequest request)
    {
        ExportId = exportId;
        MarketplaceId = request.MarketplaceId;
        DateStart = request.DateStart;
        DateEnd = request.DateEnd;
        Statuses = new ReadableList<string>(request.Statuses ?? Enumerable.Empty<string>());
        InvoiceType = request.InvoiceType;
        TransactionType = request.TransactionType;
        TransactionIdentifierName = request.TransactionIdentifier?.Name;
        TransactionIdentifierId = request.TransactionIdentifier?.Id;
        Series = request.Series;
        ExternalInvoiceId = request.ExternalInvoiceId;
        FileFormat = request.FileFormat ?? "XML";
    }

    /// <summary>The export id; Receive-SpInvoiceExport and Get-SpInvoiceExport take it from the pipeline.</summary>
    public string ExportId { get; }

    /// <summary>REQUESTED: Amazon accepted the request; Get-SpInvoiceExport shows the progress.</summary>
    public string Status { get; } = "REQUESTED";

    /// <summary>The marketplace.</summary>
    public string MarketplaceId { get; }

    /// <summary>The start of the period, when given.</summary>
    public DateTimeOffset? DateStart { get; }

    /// <summary>The end of the period, when given.</summary>
    public DateTimeOffset? DateEnd { get; }

    /// <summary>The statuses asked for.</summary>
    public IReadOnlyList<string> Statuses { get; }

    /// <summary>The invoice type asked for.</summary>
    public string? InvoiceType { get; }

    /// <summary>The transaction type asked for.</summary>
    public string? TransactionType { get; }

    /// <summary>The transaction identifier name asked for.</summary>
    public string? TransactionIdentifierName { get; }

    /// <summary>The transaction identifier asked for.</summary>
    public string? TransactionIdentifierId { get; }

    /// <summary>The series asked for.</summary>
    public string? Series { get; }

    /// <summary>The external invoice id asked for.</summary>
    public string? ExternalInvoiceId { get; }

    /// <summary>The file format: XML.</summary>
    public string FileFormat { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ExportId} ({Status})";
}
