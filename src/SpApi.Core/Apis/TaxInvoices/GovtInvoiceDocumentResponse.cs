using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GovtInvoiceDocumentResponse.</summary>
public sealed class GovtInvoiceDocumentResponse
{
    /// <summary>The document.</summary>
    [JsonPropertyName("invoiceDocument")]
    public InvoiceDocument? InvoiceDocument { get; set; }
}

/// <summary>The model's InvoiceDocument: a pre-signed URL of the government invoice, valid for 30 seconds.</summary>
public sealed class InvoiceDocument
{
    /// <summary>The pre-signed URL of the invoice in its original format. A credential for 30 seconds: never logged.</summary>
    [JsonPropertyName("invoiceDocumentUrl")]
    public string? InvoiceDocumentUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => "government invoice document (URL [redacted])";
}
