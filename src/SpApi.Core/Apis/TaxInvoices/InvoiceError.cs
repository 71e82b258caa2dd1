using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's InvoiceError: why the authority (SEFAZ) refused a government invoice.</summary>
public sealed class InvoiceError
{
    /// <summary>The code of the error, for example 481.</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>A description of the error.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(": ", ErrorCode, Description);
}
