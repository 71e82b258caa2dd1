using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.Tokens;

/// <summary>The Tokens API's RestrictedResource: a method and a specific or generic path.</summary>
public sealed class RestrictedResource
{
    /// <summary>GET, PUT, POST or DELETE.</summary>
    [JsonPropertyName("method")]
    public string Method { get; set; } = "GET";

    /// <summary>The path, for example /vendor/directFulfillment/shipping/2021-12-28/customerInvoices/{purchaseOrderNumber}.</summary>
    [JsonPropertyName("path")]
    public string Path { get; set; } = string.Empty;

    /// <summary>Data elements; only Orders API operations use them.</summary>
    [JsonPropertyName("dataElements")]
    public List<string>? DataElements { get; set; }
}
