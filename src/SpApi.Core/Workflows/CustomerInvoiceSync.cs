using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Files;
using SpApi.Core.Json;

namespace SpApi.Core.Workflows;

/// <summary>What Sync-SpCustomerInvoice is asked to do.</summary>
public sealed class CustomerInvoiceSyncOptions
{
    /// <summary>The folder of the PDFs and of the state file.</summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>Where the first run starts; default 7 days before now.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>How far before the high-water mark each run starts again, for invoices that appear late.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The vendor warehouse; null for all.</summary>
    public string? ShipFromPartyId { get; set; }

    /// <summary>The page size, 1 to 100.</summary>
    public int? PageSize { get; set; }
}

/// <summary>The summary of one sync run.</summary>
public sealed class CustomerInvoiceSyncResult
{
    /// <summary>The folder synchronised.</summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>The start of the window read.</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>The end of the window read: the new high-water mark.</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>PDFs written.</summary>
    public int New { get; init; }

    /// <summary>Invoices whose identical PDF was already there.</summary>
    public int Skipped { get; init; }

    /// <summary>Invoices that could not be saved.</summary>
    public int Failed { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{WindowStart:u} to {WindowEnd:u}: {New} new, {Skipped} skipped, {Failed} failed";
}

/// <summary>
/// The scheduled-task workflow: read from (high-water mark - overlap) to now, save the new PDFs, and
/// advance the mark only when every save succeeded. One run per folder at a time.
/// </summary>
public static class CustomerInvoiceSync
{
    /// <summary>The state file in the folder.</summary>
    public const string StateFileName = ".spapi-sync.json";

    /// <summary>Runs once. Any failure throws after the lock is released, leaving the mark where it was.</summary>
    public static async Task<CustomerInvoiceSyncResult> RunAsync(
        CustomerInvoicesApi api,
        CustomerInvoiceSyncOptions options,
        TimeProvider time,
        Action<string> warn,
        IProgress<CustomerInvoiceRangeProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            throw new ArgumentException("Path must name the folder to synchronise.", "Path");
        }

        if (options.Overlap < TimeSpan.Zero || options.Overlap > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException("Overlap", options.Overlap, "Overlap must be between 0 and 7 days.");
        }

        var started = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        Directory.CreateDirectory(options.Folder);
        using var syncLock = SyncLock.Acquire(options.Folder, now);
        if (syncLock.StaleOwner is { } owner)
        {
            warn($"The previous run did not finish ({owner}); its lock was stale and has been taken over. The high-water mark was not advanced by that run.");
        }

        var statePath = Path.Combine(options.Folder, StateFileName);
        var state = ReadState(statePath);
        var start = state?.HighWaterMark - options.Overlap ?? options.Since ?? now.AddDays(-7);
        if (start >= now)
        {
            throw new ArgumentException($"The sync window would start at {start:u}, which is not before now ({now:u}). Give a -Since in the past.", "Since");
        }

        if (CustomerInvoiceRange.ReachesPastLookBack(start, now))
        {
            warn($"The window starts at {start:u}, more than six months ago: Amazon keeps customer invoices for a rolling six months, so older ones may be missing.");
        }

        int written = 0, unchanged = 0, failed = 0;
        Exception? firstFailure = null;
        var query = new CustomerInvoiceRangeQuery
        {
            CreatedAfter = start,
            CreatedBefore = now,
            ShipFromPartyId = options.ShipFromPartyId,
            PageSize = options.PageSize,
        };
        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, progress, cancellationToken, warn).ConfigureAwait(false))
        {
            try
            {
                var result = CustomerInvoiceFiles.Save(invoice, options.Folder, force: false);
                if (result.Outcome == InvoiceSaveOutcome.Unchanged)
                {
                    unchanged++;
                }
                else
                {
                    written++;
                }
            }
            catch (Exception ex) when (ex is InvalidInvoiceContentException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                failed++;
                firstFailure ??= ex;
                warn($"Purchase order {invoice.PurchaseOrderNumber}: {ex.Message}");
            }
        }

        var summary = new CustomerInvoiceSyncResult
        {
            Folder = options.Folder,
            WindowStart = start,
            WindowEnd = now,
            New = written,
            Skipped = unchanged,
            Failed = failed,
            Duration = started.Elapsed,
        };
        if (failed > 0)
        {
            throw new CustomerInvoiceSyncException(
                $"{failed} invoice(s) could not be saved ({summary}); the high-water mark stays at {state?.HighWaterMark.ToString("u") ?? "its start"}, so the next run tries them again. First failure: {firstFailure!.Message}",
                summary, firstFailure);
        }

        AtomicFile.WriteAllBytes(statePath, JsonSerializer.SerializeToUtf8Bytes(new SyncState { HighWaterMark = now }, SpApiJson.Options));
        return summary;
    }

    private static SyncState? ReadState(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SyncState>(File.ReadAllBytes(path), SpApiJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The sync state file {path} is damaged ({ex.Message}). Delete it and run again with -Since to choose where to start.", ex);
        }
    }

    private sealed class SyncState
    {
        [JsonPropertyName("highWaterMark")]
        public DateTimeOffset HighWaterMark { get; set; }
    }
}

/// <summary>A sync run saved some invoices but not all; the high-water mark did not move.</summary>
public sealed class CustomerInvoiceSyncException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CustomerInvoiceSyncException(string message, CustomerInvoiceSyncResult summary, Exception inner)
        : base(message, inner) => Summary = summary;

    /// <summary>What the run did before it gave up.</summary>
    public CustomerInvoiceSyncResult Summary { get; }
}
