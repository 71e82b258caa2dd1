using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's TransactionIdentifier: a name (from getInvoicesAttributes) and an id.</summary>
public sealed class TransactionIdentifier
{
    /// <summary>The transaction identifier name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The transaction identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(": ", Name, Id);
}
