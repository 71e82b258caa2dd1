using System.Text.Json.Serialization;

namespace SpApi.Core.Http;

/// <summary>One entry of SP-API's {"errors":[...]} list (the models' Error definition).</summary>
public sealed class SpApiError
{
    /// <summary>An error code that identifies the type of error that occurred.</summary>
    [JsonPropertyName("code")]
    public string Code { get; set; } = string.Empty;

    /// <summary>A message that describes the error condition.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    /// <summary>Additional details that can help the caller understand or fix the issue.</summary>
    [JsonPropertyName("details")]
    public string? Details { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Details) ? $"{Code}: {Message}" : $"{Code}: {Message} ({Details})";
}
