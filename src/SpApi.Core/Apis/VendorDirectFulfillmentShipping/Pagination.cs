using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>The model's Pagination.</summary>
public sealed class Pagination
{
    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => NextToken is null ? "last page" : $"next page: {NextToken}";
}
