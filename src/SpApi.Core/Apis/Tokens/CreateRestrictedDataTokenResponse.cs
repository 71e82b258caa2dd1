using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.Tokens;

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
