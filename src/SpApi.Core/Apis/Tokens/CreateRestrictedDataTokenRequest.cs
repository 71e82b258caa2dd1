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
