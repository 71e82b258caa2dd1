namespace SpApi.Sandbox;

/// <summary>SP-API's error bodies: {"errors":[{code, message, details}]}.</summary>
internal static class SpApiResults
{
    public static IResult Error(int status, string code, string message, string? details = null) =>
        Errors(status, new[] { new SandboxError(code, message, details) });

    /// <summary>One body listing several errors, as SP-API reports every problem of a request at once.</summary>
    public static IResult Errors(int status, IEnumerable<SandboxError> errors) =>
        Results.Json(new { errors }, statusCode: status);

    public static IResult InvalidInput(string message, string? details = null) => Error(400, "InvalidInput", message, details);

    public static Task WriteError(HttpContext context, int status, string code, string message, string? details = null) =>
        Error(status, code, message, details).ExecuteAsync(context);
}
