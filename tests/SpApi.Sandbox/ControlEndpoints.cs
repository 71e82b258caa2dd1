namespace SpApi.Sandbox;

/// <summary>
/// /_sandbox/...: counters, reset and faults over HTTP, for Pester tests and people. xUnit tests
/// use <see cref="SandboxState"/> directly.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/_sandbox/counters", () => Results.Json(state.Counters.Snapshot()));
        app.MapPost("/_sandbox/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
        app.MapPost("/_sandbox/expired-document-urls", (int count) =>
        {
            // The next count document URLs are issued already expired, as SandboxOptions.ExpiredDocumentUrls does at start.
            Interlocked.Exchange(ref state.ExpiredUrlsLeft, count);
            return Results.NoContent();
        });
        app.MapPost("/_sandbox/faults", (string kind, int? count, string? operation) =>
        {
            if (!Enum.TryParse<FaultKind>(kind, ignoreCase: true, out var fault))
            {
                return Results.BadRequest($"kind must be one of {string.Join(", ", Enum.GetNames<FaultKind>())}.");
            }

            state.Faults.Inject(fault, count ?? 1, operation);
            return Results.NoContent();
        });
    }
}
