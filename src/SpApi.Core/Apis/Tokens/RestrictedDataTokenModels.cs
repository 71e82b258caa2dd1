using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.Tokens;

/// <summary>The Tokens API's CreateRestrictedDataTokenRequest.</summary>
public sealed class CreateRestrictedDataTokenRequest
{
    /// <summary>The application id of a delegatee app, when the RDT is handed over; usually absent.</summary>
    [JsonPropertyName("targetApplication")]
    public string? TargetApplication { get; set; }

    /// <summary>The restricted resources the RDT covers (at most 50).</summary>
    [JsonPropertyName("restrictedResources")]
    public List<RestrictedResource> RestrictedResources { get; set; } = new();
}

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

/// <summary>The Tokens API's CreateRestrictedDataTokenResponse.</summary>
public sealed class CreateRestrictedDataTokenResponse
{
    /// <summary>The RDT. Never printed: it is a bearer credential.</summary>
    [JsonPropertyName("restrictedDataToken")]
    public string? RestrictedDataToken { get; set; }

    /// <summary>The lifetime of the RDT in seconds.</summary>
    [JsonPropertyName("expiresIn")]
    public int? ExpiresIn { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"RestrictedDataToken [redacted], expiresIn {ExpiresIn}";
}
