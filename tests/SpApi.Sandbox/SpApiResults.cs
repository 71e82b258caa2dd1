namespace SpApi.Sandbox;

/// <summary>SP-API's error bodies: {"errors":[{code, message, details}]}.</summary>
internal static class SpApiResults
{
    public static IResult Error(int status, string code, string message, string? details = null) =>
        Results.Json(new { errors = new[] { new { code, message, details } } }, statusCode: status);

    public static IResult InvalidInput(string message, string? details = null) => Error(400, "InvalidInput", message, details);

    public static Task WriteError(HttpContext context, int status, string code, string message, string? details = null) =>
        Error(status, code, message, details).ExecuteAsync(context);
}
