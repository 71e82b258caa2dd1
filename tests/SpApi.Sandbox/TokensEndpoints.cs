using System.Text.Json;
using System.Text.RegularExpressions;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>The Tokens API: createRestrictedDataToken, validated as the model says.</summary>
internal static class TokensEndpoints
{
    private static readonly string[] Methods = { "GET", "PUT", "POST", "DELETE" };

    public static void Map(WebApplication app, SandboxState state) =>
        app.MapPost(SpApiOperations.CreateRestrictedDataToken.PathTemplate, async (HttpContext context) =>
        {
            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            }
            catch (JsonException)
            {
                return SpApiResults.InvalidInput("The request body is not JSON.");
            }

            if (body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("restrictedResources", out var list)
                || list.ValueKind != JsonValueKind.Array
                || list.GetArrayLength() is 0 or > 50)
            {
                return SpApiResults.InvalidInput("restrictedResources must be an array of 1 to 50 resources.");
            }

            var resources = new List<(string, Regex)>();
            foreach (var resource in list.EnumerateArray())
            {
                var method = resource.TryGetProperty("method", out var m) ? m.GetString() : null;
                var path = resource.TryGetProperty("path", out var p) ? p.GetString() : null;
                if (method is null || !Methods.Contains(method) || path is null || !path.StartsWith('/'))
                {
                    return SpApiResults.InvalidInput("Each restricted resource needs a method (GET, PUT, POST or DELETE) and a path that starts with /.");
                }

                // A generic path ({placeholder}) covers any single path segment in its place.
                var pattern = "^" + string.Join("[^/]+", Regex.Split(path, @"\{[^}]+\}").Select(Regex.Escape)) + "$";
                resources.Add((method, new Regex(pattern)));
            }

            var account = state.Tokens.Find(context.Request.Headers["x-amz-access-token"].FirstOrDefault())!.Account;
            state.Counters.RestrictedDataToken();
            var lifetime = state.Options.RestrictedDataTokenLifetime;
            return Results.Json(new
            {
                restrictedDataToken = state.Tokens.IssueRestrictedDataToken(account, lifetime, resources, context.Items.ContainsKey(FaultKind.ControlCharactersInToken)),
                expiresIn = (int)lifetime.TotalSeconds,
            });
        });
}
