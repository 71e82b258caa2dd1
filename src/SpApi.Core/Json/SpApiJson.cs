using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Core.Json;

/// <summary>The one set of System.Text.Json options for SP-API bodies.</summary>
internal static class SpApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T Deserialize<T>(ReadOnlySpan<byte> body, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw new Http.SpApiException(
                $"{operation}: the response body is not the JSON the model describes: {ex.Message}",
                operation,
                Http.SpApiFailureKind.InvalidResponse,
                innerException: ex);
        }
    }
}
