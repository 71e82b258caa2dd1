namespace SpApi.Sandbox;

/// <summary>Login with Amazon's token endpoint: refresh_token and client_credentials grants, LWA error bodies.</summary>
internal static class LwaEndpoints
{
    public const string TokenPath = "/auth/o2/token";

    public static void Map(WebApplication app, SandboxState state) =>
        app.MapPost(TokenPath, async (HttpRequest request) =>
        {
            if (!request.HasFormContentType)
            {
                return Error(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
            }

            var form = await request.ReadFormAsync();
            var options = state.Options;
            if (form["client_id"] != options.ClientId || form["client_secret"] != options.ClientSecret)
            {
                return Error(401, "invalid_client", "Client authentication failed");
            }

            string account;
            switch (form["grant_type"].ToString())
            {
                case "refresh_token":
                    var refreshToken = form["refresh_token"].ToString();
                    if (!options.RefreshTokens.Contains(refreshToken))
                    {
                        return Error(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
                    }

                    account = "rt:" + refreshToken;
                    break;
                case "client_credentials":
                    var scope = form["scope"].ToString();
                    if (string.IsNullOrEmpty(scope))
                    {
                        return Error(400, "invalid_scope", "The request has an invalid parameter : scope");
                    }

                    account = "scope:" + scope;
                    break;
                case "":
                    return Error(400, "invalid_request", "The request is missing a required parameter : grant_type");
                default:
                    return Error(400, "unsupported_grant_type", "Unsupported grant_type");
            }

            state.Counters.AccessToken();
            var items = request.HttpContext.Items;
            var lifetime = items.ContainsKey(FaultKind.ShortLivedToken) ? SandboxFaults.ShortTokenLifetime : options.AccessTokenLifetime;
            var token = state.Tokens.IssueAccessToken(account, lifetime, items.ContainsKey(FaultKind.ControlCharactersInToken));
            return Results.Json(new
            {
                access_token = token,
                token_type = "bearer",
                expires_in = (int)lifetime.TotalSeconds,
            });
        });

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
