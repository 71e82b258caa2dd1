using SpApi.Core.Apis.VendorDirectFulfillmentShipping;

namespace SpApi.Core.Workflows;

/// <summary>One window of a customer-invoice range: what is sent as createdAfter and createdBefore.</summary>
public readonly record struct InvoiceWindow(DateTimeOffset CreatedAfter, DateTimeOffset CreatedBefore);

/// <summary>
/// Splits a range into the windows getCustomerInvoices accepts (7 days at most).
/// Boundary semantics: Amazon does not say whether createdAfter and createdBefore are inclusive, so
/// consecutive windows overlap by one second. An invoice on a boundary is then inside two windows
/// whatever the server's rule, and the range reader drops the repeat by purchase order number.
/// The range as a whole is what the API returns for createdAfter = CreatedAfter and
/// createdBefore = CreatedBefore.
/// </summary>
public static class CustomerInvoiceWindows
{
    /// <summary>How much consecutive windows overlap.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The windows of the part of the range Amazon can still answer at <paramref name="time"/>'s now. It keeps
    /// customer invoices for a rolling six months (<see cref="CustomerInvoiceRange.LookBack"/>), so windows before
    /// that horizon would all come back empty (from year 1, about 105,000 of them): a start before it is moved up
    /// to it, and a range that ends before it has no windows at all. Either way <paramref name="warn"/> says so.
    /// </summary>
    public static IReadOnlyList<InvoiceWindow> PlanWithinLookBack(
        DateTimeOffset createdAfter, DateTimeOffset createdBefore, bool newestFirst, TimeProvider time, Action<string>? warn)
    {
        var now = time.GetUtcNow();
        if (createdBefore <= createdAfter || !CustomerInvoiceRange.ReachesPastLookBack(createdAfter, now))
        {
            return Plan(createdAfter, createdBefore, newestFirst);
        }

        var horizon = now - CustomerInvoiceRange.LookBack;
        if (createdBefore <= horizon)
        {
            warn?.Invoke($"The range ({createdAfter:u} to {createdBefore:u}) ends before {horizon:u}: Amazon keeps customer invoices for a rolling six months, so none can be in it and none was asked for.");
            return Array.Empty<InvoiceWindow>();
        }

        warn?.Invoke($"CreatedAfter ({createdAfter:u}) is before {horizon:u}: Amazon keeps customer invoices for a rolling six months, so the range starts at {horizon:u} instead.");
        return Plan(horizon, createdBefore, newestFirst);
    }

    /// <summary>The windows, oldest first, or newest first when <paramref name="newestFirst"/>.</summary>
    public static IReadOnlyList<InvoiceWindow> Plan(DateTimeOffset createdAfter, DateTimeOffset createdBefore, bool newestFirst)
    {
        if (createdBefore <= createdAfter)
        {
            throw new ArgumentException($"CreatedBefore ({createdBefore:u}) must be later than CreatedAfter ({createdAfter:u}).", "CreatedBefore");
        }

        return Split(createdAfter, createdBefore, CustomerInvoicesQuery.MaxWindow, newestFirst);
    }

    /// <summary>
    /// Splits start to end into windows of at most <paramref name="maxWindow"/>, consecutive ones overlapping by
    /// <see cref="Overlap"/>; oldest first, or newest first. Also the splitter of vendor invoice header ranges.
    /// </summary>
    public static IReadOnlyList<InvoiceWindow> Split(DateTimeOffset start, DateTimeOffset end, TimeSpan maxWindow, bool newestFirst)
    {
        var windows = new List<InvoiceWindow>();
        while (true)
        {
            var windowEnd = end - start > maxWindow ? start + maxWindow : end;
            windows.Add(new InvoiceWindow(start, windowEnd));
            if (windowEnd == end)
            {
                break;
            }

            start = windowEnd - Overlap;
        }

        if (newestFirst)
        {
            windows.Reverse();
        }

        return windows;
    }
}
