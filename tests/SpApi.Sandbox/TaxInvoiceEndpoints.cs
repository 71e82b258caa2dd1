using System.Globalization;
using SpApi.Core.Endpoints;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>Tax Invoices 2024-06-19 getInvoicesExports: a list of exports with a top-level nextToken.</summary>
internal static class TaxInvoiceEndpoints
{
    private static readonly string[] Statuses = { "REQUESTED", "PROCESSING", "DONE", "ERROR" };

    public static void Map(WebApplication app, SandboxState state) =>
        app.MapGet(SpApiOperations.GetInvoicesExports.PathTemplate, (HttpRequest request) =>
        {
            var query = request.Query;
            var marketplaceId = query["marketplaceId"].ToString();
            if (!Marketplace.TryFind(marketplaceId, out _))
            {
                return SpApiResults.InvalidInput("marketplaceId is required and must be an SP-API marketplace id.");
            }

            var pageSize = 100;
            if (query.ContainsKey("pageSize") && (!int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
            {
                return SpApiResults.InvalidInput("pageSize must be an integer from 1 to 100.");
            }

            var status = query["status"].ToString();
            if (status.Length > 0 && !Statuses.Contains(status))
            {
                return SpApiResults.InvalidInput($"status must be one of {string.Join(", ", Statuses)}.");
            }

            var binding = $"{request.Path}|{marketplaceId}|{query["dateStart"]}|{query["dateEnd"]}|{status}|{pageSize}";
            var offset = 0;
            if (query.ContainsKey("nextToken") && !PageTokens.TryRead(query["nextToken"].ToString(), binding, out offset))
            {
                return SpApiResults.InvalidInput("The nextToken is not valid for this query.");
            }

            var all = state.Options.Exports.Where(e => status.Length == 0 || e.Status == status).ToList();
            var page = all.Skip(offset).Take(pageSize).Select(e => new
            {
                exportId = e.ExportId,
                status = e.Status,
                generateExportStartedAt = e.RequestedAt,
                invoicesDocumentIds = e.Status == "DONE" ? new[] { e.ExportId + "-document" } : Array.Empty<string>(),
            });
            return Results.Json(new
            {
                exports = page,
                nextToken = offset + pageSize < all.Count ? PageTokens.Write(offset + pageSize, binding) : null,
            });
        });
}

/// <summary>An invoices export in the sandbox's data set.</summary>
public sealed record SandboxExport(string ExportId, string Status, DateTimeOffset RequestedAt);
