using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

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
