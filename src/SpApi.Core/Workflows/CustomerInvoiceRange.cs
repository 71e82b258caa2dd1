using System.Runtime.CompilerServices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;

namespace SpApi.Core.Workflows;

/// <summary>What Get-SpCustomerInvoice asks for: any length of range, split into windows.</summary>
public sealed class CustomerInvoiceRangeQuery
{
    /// <summary>Invoices that became available after this time.</summary>
    public DateTimeOffset CreatedAfter { get; set; }

    /// <summary>Invoices that became available before this time.</summary>
    public DateTimeOffset CreatedBefore { get; set; }

    /// <summary>The vendor warehouse; null for all.</summary>
    public string? ShipFromPartyId { get; set; }

    /// <summary>The page size (limit), 1 to 100.</summary>
    public int? PageSize { get; set; }

    /// <summary>The order across the whole range; null leaves each window in Amazon's order, oldest window first.</summary>
    public CustomerInvoiceSortOrder? SortOrder { get; set; }

    /// <summary>How many invoices to skip before the first one returned.</summary>
    public long Skip { get; set; }

    /// <summary>The most invoices to return; null for all. Paging stops as soon as it is reached.</summary>
    public long? First { get; set; }
}

/// <summary>Where a range read stands, for Write-Progress.</summary>
public readonly record struct CustomerInvoiceRangeProgress(int WindowsDone, int WindowsTotal, long Invoices, InvoiceWindow Window);

/// <summary>Reads a range of customer invoices of any length, window by window and page by page.</summary>
public static class CustomerInvoiceRange
{
    /// <summary>How far back Amazon keeps customer invoices (a rolling six months, per its documentation).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(183);

    /// <summary>
    /// Streams the invoices of the range as each page arrives. The order holds across windows: with
    /// a sort order, windows are read in that order and each window is asked for the same order. A purchase
    /// order that comes again with other content is dropped and reported to <paramref name="warn"/> (the first copy is kept).
    /// A start before Amazon's rolling six months is moved up to it, with a warning (<see cref="CustomerInvoiceWindows.PlanWithinLookBack"/>),
    /// at <paramref name="time"/>'s now (the connection's clock when null).
    /// </summary>
    public static async IAsyncEnumerable<CustomerInvoice> ReadAsync(
        CustomerInvoicesApi api,
        CustomerInvoiceRangeQuery query,
        IProgress<CustomerInvoiceRangeProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        Action<string>? warn = null,
        TimeProvider? time = null)
    {
        Validate(query);
        var windows = CustomerInvoiceWindows.PlanWithinLookBack(
            query.CreatedAfter, query.CreatedBefore, query.SortOrder == CustomerInvoiceSortOrder.DESC, time ?? api.Client.Options.TimeProvider, warn);
        if (query.First == 0 || windows.Count == 0)
        {
            yield break;
        }

        var repeats = new CustomerInvoiceRepeats();
        long seen = 0;
        long returned = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            progress?.Report(new CustomerInvoiceRangeProgress(i, windows.Count, returned, windows[i]));
            repeats.NextWindow();
            var window = new CustomerInvoicesQuery
            {
                CreatedAfter = windows[i].CreatedAfter,
                CreatedBefore = windows[i].CreatedBefore,
                ShipFromPartyId = query.ShipFromPartyId,
                PageSize = query.PageSize,
                SortOrder = query.SortOrder,
            };
            await foreach (var page in api.GetCustomerInvoicePagesAsync(window, cancellationToken).ConfigureAwait(false))
            {
                foreach (var invoice in page.CustomerInvoices)
                {
                    // A repeat from the overlap with the previous window is dropped; one with other content is reported.
                    var repeat = repeats.See(invoice);
                    if (repeat == CustomerInvoiceRepeat.Conflicting)
                    {
                        warn?.Invoke($"Purchase order {invoice.PurchaseOrderNumber} came again with different content (getCustomerInvoices, {windows[i].CreatedAfter:u} to {windows[i].CreatedBefore:u}); the first copy was kept and this one dropped. Check the invoice in Vendor Central.");
                    }

                    if (repeat != CustomerInvoiceRepeat.New)
                    {
                        continue;
                    }

                    if (seen++ < query.Skip)
                    {
                        continue;
                    }

                    yield return invoice;
                    if (++returned == query.First)
                    {
                        yield break;
                    }
                }
            }
        }

        progress?.Report(new CustomerInvoiceRangeProgress(windows.Count, windows.Count, returned, windows[windows.Count - 1]));
    }

    /// <summary>True when the range starts before Amazon's look-back, where it has no invoices.</summary>
    public static bool ReachesPastLookBack(DateTimeOffset createdAfter, DateTimeOffset now) => createdAfter < now - LookBack;

    private static void Validate(CustomerInvoiceRangeQuery query)
    {
        // The dates are checked by CustomerInvoiceWindows.Plan.
        Paging.PageSize.Check(query.PageSize, CustomerInvoicesQuery.MaxPageSize, "getCustomerInvoices");

        if (query.Skip < 0 || query.First < 0)
        {
            throw new ArgumentOutOfRangeException(query.Skip < 0 ? "Skip" : "First", "Skip and First must not be negative.");
        }
    }
}
