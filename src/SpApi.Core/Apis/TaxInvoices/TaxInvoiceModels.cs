using System.Text.Json.Serialization;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's Export: one invoices export and where it stands.</summary>
public sealed class Export
{
    /// <summary>The export identifier.</summary>
    [JsonPropertyName("exportId")]
    public string? ExportId { get; set; }

    /// <summary>The model's ExportStatus: REQUESTED, PROCESSING, DONE or ERROR (the docs also name CANCELLED and FATAL).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>When the export generation started.</summary>
    [JsonPropertyName("generateExportStartedAt")]
    public DateTimeOffset? GenerateExportStartedAt { get; set; }

    /// <summary>When the export generation finished.</summary>
    [JsonPropertyName("generateExportFinishedAt")]
    public DateTimeOffset? GenerateExportFinishedAt { get; set; }

    /// <summary>Why the export failed, when it did.</summary>
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }

    /// <summary>The documents to download; empty until the status is DONE.</summary>
    [JsonPropertyName("invoicesDocumentIds")]
    public List<string>? InvoicesDocumentIds { get; set; }
}

/// <summary>The model's GetInvoicesExportsResponse: a page of exports with a top-level nextToken.</summary>
public sealed class GetInvoicesExportsResponse : IPagedResponse
{
    /// <summary>A list of exports (at most 100).</summary>
    [JsonPropertyName("exports")]
    public List<Export> Exports { get; set; } = new();

    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}

/// <summary>The model's GetInvoicesExportResponse.</summary>
public sealed class GetInvoicesExportResponse
{
    /// <summary>The export.</summary>
    [JsonPropertyName("export")]
    public Export? Export { get; set; }
}

/// <summary>The model's TransactionIdentifier: a name (from getInvoicesAttributes) and an id.</summary>
public sealed class TransactionIdentifier
{
    /// <summary>The transaction identifier name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The transaction identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>The model's ExportInvoicesRequest: the body of createInvoicesExport.</summary>
public sealed class ExportInvoicesRequest
{
    /// <summary>The marketplace (required).</summary>
    [JsonPropertyName("marketplaceId")]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The start of the period; default 24 hours before the request.</summary>
    [JsonPropertyName("dateStart")]
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>The end of the period; default the time of the request.</summary>
    [JsonPropertyName("dateEnd")]
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>Only this external invoice id.</summary>
    [JsonPropertyName("externalInvoiceId")]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>The model's FileFormat; XML is the only value.</summary>
    [JsonPropertyName("fileFormat")]
    public string? FileFormat { get; set; }

    /// <summary>Only this invoice type (from getInvoicesAttributes).</summary>
    [JsonPropertyName("invoiceType")]
    public string? InvoiceType { get; set; }

    /// <summary>Only this series.</summary>
    [JsonPropertyName("series")]
    public string? Series { get; set; }

    /// <summary>Only these statuses (from getInvoicesAttributes); at least one when given.</summary>
    [JsonPropertyName("statuses")]
    public List<string>? Statuses { get; set; }

    /// <summary>Only this transaction.</summary>
    [JsonPropertyName("transactionIdentifier")]
    public TransactionIdentifier? TransactionIdentifier { get; set; }

    /// <summary>Only this transaction type (from getInvoicesAttributes).</summary>
    [JsonPropertyName("transactionType")]
    public string? TransactionType { get; set; }
}

/// <summary>The model's ExportInvoicesResponse.</summary>
public sealed class ExportInvoicesResponse
{
    /// <summary>The id of the new export.</summary>
    [JsonPropertyName("exportId")]
    public string? ExportId { get; set; }
}

/// <summary>The model's InvoicesDocument: a pre-signed URL that expires 30 seconds after issue.</summary>
public sealed class InvoicesDocument
{
    /// <summary>The document id.</summary>
    [JsonPropertyName("invoicesDocumentId")]
    public string? InvoicesDocumentId { get; set; }

    /// <summary>The pre-signed URL of the zip of XML invoices. It is a credential for 30 seconds: never logged.</summary>
    [JsonPropertyName("invoicesDocumentUrl")]
    public string? InvoicesDocumentUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{InvoicesDocumentId} (URL [redacted])";
}

/// <summary>The model's GetInvoicesDocumentResponse.</summary>
public sealed class GetInvoicesDocumentResponse
{
    /// <summary>The document.</summary>
    [JsonPropertyName("invoicesDocument")]
    public InvoicesDocument? InvoicesDocument { get; set; }
}

/// <summary>The model's Invoice.</summary>
public sealed class Invoice
{
    /// <summary>The invoice identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The invoice date.</summary>
    [JsonPropertyName("date")]
    public DateTimeOffset? Date { get; set; }

    /// <summary>The invoice status (from getInvoicesAttributes).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The invoice type.</summary>
    [JsonPropertyName("invoiceType")]
    public string? InvoiceType { get; set; }

    /// <summary>The transaction type.</summary>
    [JsonPropertyName("transactionType")]
    public string? TransactionType { get; set; }

    /// <summary>The series.</summary>
    [JsonPropertyName("series")]
    public string? Series { get; set; }

    /// <summary>The external invoice id.</summary>
    [JsonPropertyName("externalInvoiceId")]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>The government authority's response.</summary>
    [JsonPropertyName("govResponse")]
    public string? GovResponse { get; set; }

    /// <summary>The error code, when the invoice was rejected.</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>The transactions the invoice belongs to.</summary>
    [JsonPropertyName("transactionIds")]
    public List<TransactionIdentifier>? TransactionIds { get; set; }
}

/// <summary>The model's GetInvoicesResponse: a page of invoices with a top-level nextToken.</summary>
public sealed class GetInvoicesResponse : IPagedResponse
{
    /// <summary>The invoices (at most 100).</summary>
    [JsonPropertyName("invoices")]
    public List<Invoice> Invoices { get; set; } = new();

    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}

/// <summary>The model's GetInvoiceResponse.</summary>
public sealed class GetInvoiceResponse
{
    /// <summary>The invoice.</summary>
    [JsonPropertyName("invoice")]
    public Invoice? Invoice { get; set; }
}

/// <summary>The model's AttributeOption.</summary>
public sealed class AttributeOption
{
    /// <summary>The value to send.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>What it means.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>The model's InvoicesAttributes: the values the filters accept in a marketplace.</summary>
public sealed class InvoicesAttributes
{
    /// <summary>Invoice statuses.</summary>
    [JsonPropertyName("invoiceStatusOptions")]
    public List<AttributeOption> InvoiceStatusOptions { get; set; } = new();

    /// <summary>Invoice types.</summary>
    [JsonPropertyName("invoiceTypeOptions")]
    public List<AttributeOption> InvoiceTypeOptions { get; set; } = new();

    /// <summary>Transaction identifier names.</summary>
    [JsonPropertyName("transactionIdentifierNameOptions")]
    public List<AttributeOption> TransactionIdentifierNameOptions { get; set; } = new();

    /// <summary>Transaction types.</summary>
    [JsonPropertyName("transactionTypeOptions")]
    public List<AttributeOption> TransactionTypeOptions { get; set; } = new();
}

/// <summary>The model's GetInvoicesAttributesResponse.</summary>
public sealed class GetInvoicesAttributesResponse
{
    /// <summary>The attributes.</summary>
    [JsonPropertyName("invoicesAttributes")]
    public InvoicesAttributes? InvoicesAttributes { get; set; }
}
