using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's AttributeOption.</summary>
public sealed class AttributeOption
{
    /// <summary>The value to send.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>What it means.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Description) ? Value ?? string.Empty : $"{Value} ({Description})";
}
