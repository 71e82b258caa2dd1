using System.Globalization;
using System.Text.RegularExpressions;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>
/// DF Shipping getCustomerInvoices and getCustomerInvoice, v1 (payload envelope) and 2021-12-28.
/// The window's ends follow <see cref="SandboxOptions.CustomerInvoiceBoundaries"/> (half-open by default).
/// </summary>
internal static class CustomerInvoiceEndpoints
{
    private static readonly Regex PurchaseOrderNumber = new("^[a-zA-Z0-9]+$");

    public static void Map(WebApplication app, SandboxState state)
    {
        foreach (var (list, single) in new[]
        {
            (SpApiOperations.GetCustomerInvoicesV1, SpApiOperations.GetCustomerInvoiceV1),
            (SpApiOperations.GetCustomerInvoices, SpApiOperations.GetCustomerInvoice),
        })
        {
            var envelope = list.PayloadEnvelope;
            app.MapGet(list.PathTemplate, (HttpRequest request) => List(request, state, envelope));
            app.MapGet(single.PathTemplate, (HttpContext context, string purchaseOrderNumber) => Get(context, purchaseOrderNumber, state, envelope));
        }
    }

    private static IResult List(HttpRequest request, SandboxState state, bool envelope)
    {
        var faults = request.HttpContext.Items;
        if (faults.ContainsKey(FaultKind.EndlessEmptyPages))
        {
            // Before the token check: the token of this fault is new every time and belongs to no query.
            return Answer(new { pagination = new { nextToken = Guid.NewGuid().ToString("N") }, customerInvoices = Array.Empty<object>() }, envelope);
        }

        var query = request.Query;
        if (!TryDate(query["createdAfter"], out var after) || !TryDate(query["createdBefore"], out var before))
        {
            return SpApiResults.InvalidInput("createdAfter and createdBefore are required ISO 8601 date-times.");
        }

        if (before <= after)
        {
            return SpApiResults.InvalidInput("createdBefore must be later than createdAfter.");
        }

        if (before - after > TimeSpan.FromDays(7))
        {
            return SpApiResults.InvalidInput("The date range between createdAfter and createdBefore must not exceed 7 days.");
        }

        var limit = state.Options.DefaultLimit;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return SpApiResults.InvalidInput("limit must be an integer from 1 to 100.");
        }

        var sortOrder = query["sortOrder"].ToString();
        if (sortOrder is not ("" or "ASC" or "DESC"))
        {
            return SpApiResults.InvalidInput("sortOrder must be ASC or DESC.");
        }

        var shipFrom = query["shipFromPartyId"].ToString();
        var binding = $"{request.Path}|{after:o}|{before:o}|{shipFrom}|{limit}|{sortOrder}";
        var offset = 0;
        if (query.ContainsKey("nextToken") && !PageTokens.TryRead(query["nextToken"].ToString(), binding, out offset))
        {
            return SpApiResults.InvalidInput("The nextToken is not valid for this query: repeat the same parameters with the token of the previous page.");
        }

        var matching = state.Options.CustomerInvoices
            .Where(i => InWindow(i.CreatedAt, after, before, state.Options.CustomerInvoiceBoundaries) && (shipFrom.Length == 0 || i.ShipFromPartyId == shipFrom));
        matching = sortOrder == "DESC"
            ? matching.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.PurchaseOrderNumber, StringComparer.Ordinal)
            : matching.OrderBy(i => i.CreatedAt).ThenBy(i => i.PurchaseOrderNumber, StringComparer.Ordinal);
        var all = matching.ToList();
        var page = all.Skip(offset).Take(limit)
            .Select(i => (object?)new { purchaseOrderNumber = i.PurchaseOrderNumber, content = i.Content })
            .ToList();
        var nextOffset = state.Options.RepeatNextToken && offset > 0 ? offset : offset + limit;
        var next = nextOffset < all.Count ? PageTokens.Write(nextOffset, binding) : null;
        if (faults.ContainsKey(FaultKind.NullInList))
        {
            page.Insert(page.Count / 2, null);
        }

        // An invoice of the neighbouring page, again, with other content: the previous page's last, or the next page's first.
        var neighbour = offset > 0 ? offset - 1 : offset + limit;
        if (faults.ContainsKey(FaultKind.ConflictingRepeat) && neighbour < all.Count)
        {
            page.Add(new { purchaseOrderNumber = all[neighbour].PurchaseOrderNumber, content = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(SandboxFaults.ConflictingPdf)) });
        }

        return Answer(new { pagination = next is null ? null : new { nextToken = next }, customerInvoices = page }, envelope);
    }

    private static IResult Answer(object body, bool envelope) => envelope ? Results.Json(new { payload = body }) : Results.Json(body);

    private static IResult Get(HttpContext context, string purchaseOrderNumber, SandboxState state, bool envelope)
    {
        if (!PurchaseOrderNumber.IsMatch(purchaseOrderNumber))
        {
            return SpApiResults.InvalidInput("purchaseOrderNumber must match ^[a-zA-Z0-9]+$.");
        }

        var invoice = state.Options.CustomerInvoices.FirstOrDefault(i => i.PurchaseOrderNumber == purchaseOrderNumber);
        if (invoice is null)
        {
            return SpApiResults.Error(404, "NotFound", $"No customer invoice exists for purchase order {purchaseOrderNumber}.");
        }

        var answered = context.Items.ContainsKey(FaultKind.OtherPurchaseOrder) ? SandboxFaults.OtherPurchaseOrderNumber : invoice.PurchaseOrderNumber;
        return Answer(new { purchaseOrderNumber = answered, content = Convert.ToBase64String(SandboxInvoice.Pdf(answered)) }, envelope);
    }

    private static bool InWindow(DateTimeOffset t, DateTimeOffset after, DateTimeOffset before, BoundaryMode mode) => mode switch
    {
        BoundaryMode.Inclusive => t >= after && t <= before,
        BoundaryMode.Exclusive => t > after && t < before,
        _ => t >= after && t < before,
    };

    private static bool TryDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
}
