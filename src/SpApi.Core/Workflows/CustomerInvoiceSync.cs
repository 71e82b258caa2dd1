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

    /// <summary>Replaces a PDF whose content differs from the invoice's (otherwise the invoice fails the run).</summary>
    public bool Force { get; set; }

    /// <summary>Asked before each PDF and before the state file is written (-WhatIf, -Confirm); in a preview, nothing is written, not even the lock.</summary>
    public FileWriteApproval Approval { get; set; } = FileWriteApproval.Always;

    /// <summary>Told of each stale temporary file removed from the folder (Write-Verbose).</summary>
    public Action<string>? Verbose { get; set; }
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

    /// <summary>New or changed invoices not written because -WhatIf or -Confirm said no; the high-water mark did not move.</summary>
    public int Declined { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{WindowStart:u} to {WindowEnd:u}: {New} new, {Skipped} skipped, {Failed} failed{(Declined > 0 ? $", {Declined} not written" : string.Empty)}";
}

/// <summary>
/// The scheduled-task workflow: read from (high-water mark - overlap) to now, save the new PDFs, and
/// advance the mark only when every save succeeded. One run per folder at a time. Each PDF and the state
/// file are written only when <see cref="CustomerInvoiceSyncOptions.Approval"/> agrees; an invoice left
/// unwritten keeps the mark where it was, so the next run brings it.
/// </summary>
public static class CustomerInvoiceSync
{
    /// <summary>The state file in the folder.</summary>
    public const string StateFileName = ".spapi-sync.json";

    /// <summary>What -WhatIf and -Confirm show for each PDF, as Save-SpCustomerInvoice does.</summary>
    public const string SaveAction = "Save customer invoice";

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
        var approval = options.Approval;
        OutputFolder.Check(options.Folder);
        if (!approval.Preview)
        {
            OutputFolder.Create(options.Folder);
        }

        // A preview writes nothing, not even the lock: it only reads.
        using var syncLock = approval.Preview ? null : SyncLock.Acquire(options.Folder, now);
        if (syncLock is not null)
        {
            // The folder is this run's now: what a killed run (this command's or a receiver's) left half-written goes.
            StaleTemporaryFiles.Remove(options.Folder, options.Verbose);
        }

        if (syncLock?.StaleOwner is { } owner)
        {
            warn($"The previous run did not finish ({owner}); its lock was stale and has been taken over. The high-water mark was not advanced by that run.");
        }

        var statePath = Path.Combine(options.Folder, StateFileName);
        var mark = ReadState(statePath);
        if (mark >= now)
        {
            throw new SyncStateException(statePath, $"holds the high-water mark {mark:u}, which is not before now ({now:u}): no run can have read up to it.");
        }

        // A mark from long ago (even 0001-01-01) starts the window at the mark; CustomerInvoiceRange moves a start before
        // Amazon's six months up to them, with a warning, so only the subtraction must not run past DateTimeOffset.MinValue.
        var start = mark is { } m ? (m - DateTimeOffset.MinValue > options.Overlap ? m - options.Overlap : DateTimeOffset.MinValue) : options.Since ?? now.AddDays(-7);
        if (start >= now)
        {
            throw new ArgumentException($"The sync window would start at {start:u}, which is not before now ({now:u}). Give a -Since in the past.", "Since");
        }

        int written = 0, unchanged = 0, failed = 0, declined = 0;
        Exception? firstFailure = null;
        var query = new CustomerInvoiceRangeQuery
        {
            CreatedAfter = start,
            CreatedBefore = now,
            ShipFromPartyId = options.ShipFromPartyId,
            PageSize = options.PageSize,
        };
        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(api, query, progress, cancellationToken, warn, time).ConfigureAwait(false))
        {
            try
            {
                var pending = CustomerInvoiceFiles.Prepare(invoice, options.Folder, options.Force);
                if (pending.Result.Outcome == InvoiceSaveOutcome.Unchanged)
                {
                    unchanged++;
                }
                else if (!await approval.ApproveAsync(pending.Result.Path, SaveAction, cancellationToken).ConfigureAwait(false))
                {
                    declined++;
                }
                else
                {
                    pending.Write();
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
            Declined = declined,
            Duration = started.Elapsed,
        };
        if (failed > 0)
        {
            throw new CustomerInvoiceSyncException(
                $"{failed} invoice(s) could not be saved ({summary}); the high-water mark stays at {mark?.ToString("u") ?? "its start"}, so the next run tries them again. First failure: {firstFailure!.Message}",
                summary, firstFailure);
        }

        if (declined == 0 && await approval.ApproveAsync(statePath, $"Advance the high-water mark to {now:u}", cancellationToken).ConfigureAwait(false))
        {
            AtomicFile.WriteAllBytes(statePath, JsonSerializer.SerializeToUtf8Bytes(new SyncState { HighWaterMark = now }, SpApiJson.Options));
        }

        return summary;
    }

    // The high-water mark, or null when there is no state file yet.
    private static DateTimeOffset? ReadState(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SyncState? state;
        try
        {
            state = JsonSerializer.Deserialize<SyncState>(File.ReadAllBytes(path), SpApiJson.Options);
        }
        catch (JsonException ex)
        {
            throw new SyncStateException(path, $"is damaged ({ex.Message}).", ex);
        }

        return state?.HighWaterMark ?? throw new SyncStateException(path, "holds no highWaterMark.");
    }

    private sealed class SyncState
    {
        // Nullable, so a file without it ({}) is damaged rather than a mark at 0001-01-01.
        [JsonPropertyName("highWaterMark")]
        public DateTimeOffset? HighWaterMark { get; set; }
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
