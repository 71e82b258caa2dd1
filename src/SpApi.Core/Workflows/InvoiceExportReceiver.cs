using System.Runtime.CompilerServices;
using System.Text;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Polling;

namespace SpApi.Core.Workflows;

/// <summary>How Receive-SpInvoiceExport waits and what it leaves on disk.</summary>
public sealed class InvoiceExportReceiveOptions
{
    /// <summary>The folder for the document zips and the extracted invoices.</summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>Extract each zip into the folder (default) instead of leaving the zips.</summary>
    public bool Expand { get; set; } = true;

    /// <summary>How long to wait for the export to finish; null waits as long as it takes.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The poll interval when none is given, at Amazon's pace: 30 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often to ask about the export's status; null for <see cref="DefaultPollInterval"/>, divided by the rate
    /// scale of the connection's buckets (SPAPI_RATE_SCALE), so a fast sandbox is polled as much faster.
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Asked before each document is downloaded or extracted (-WhatIf, -Confirm); a document it declines is left out.</summary>
    public FileWriteApproval Approval { get; set; } = FileWriteApproval.Always;

    /// <summary>Told when a corrupt document is discarded and fetched again (Write-Warning).</summary>
    public Action<string>? Warn { get; set; }

    /// <summary>Told of each stale temporary file removed from the folder (Write-Verbose).</summary>
    public Action<string>? Verbose { get; set; }

    /// <summary>How far a document's zip may expand; a zip past them is refused as a zip bomb, nothing of it kept.</summary>
    public ZipLimits ZipLimits { get; set; } = ZipLimits.Default;
}

/// <summary>Where a receive stands, for Write-Progress.</summary>
public readonly record struct InvoiceExportReceiveProgress(string ExportId, string Status, TimeSpan Elapsed, TimeSpan? NextPoll, int DocumentsDone, int DocumentsTotal);

/// <summary>The export ended in ERROR (or CANCELLED or FATAL, as the docs name them).</summary>
public sealed class InvoiceExportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvoiceExportFailedException(string exportId, string status, string? reason)
        : base($"The export {exportId} ended in {status}{(string.IsNullOrEmpty(reason) ? "." : $": {reason}")} Request a new export.")
    {
        ExportId = exportId;
        Status = status;
    }

    /// <summary>The export.</summary>
    public string ExportId { get; }

    /// <summary>The final status.</summary>
    public string Status { get; }
}

/// <summary>A document's download was not a valid zip, attempt after attempt; nothing of it is left on disk.</summary>
public sealed class InvoiceDocumentCorruptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvoiceDocumentCorruptException(string documentId, int attempts, Exception inner)
        : base($"The invoice document {documentId} was not a valid zip in {attempts} downloads ({inner.Message}); nothing of it was kept. Run Receive-SpInvoiceExport again later.", inner)
    {
        DocumentId = documentId;
    }

    /// <summary>The document.</summary>
    public string DocumentId { get; }
}

/// <summary>The export was not done within -TimeoutSec.</summary>
public sealed class InvoiceExportTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public InvoiceExportTimeoutException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Waits for an export and brings its documents to disk: each document's URL is fetched just before
/// its download (the URL lapses 30 seconds after issue) and fetched again if it lapsed, the document
/// streams to a temporary file that is renamed when complete and only if it is a valid zip (a corrupt one is
/// fetched again, within getInvoicesDocument's rate), and zips are extracted within ZipLimits, all or nothing,
/// after every entry name is checked (no zip slip, no duplicates, no over-long names). A document
/// already complete on disk is skipped, so a re-run picks up where one stopped; one that is not a valid zip is
/// discarded and fetched again. Before
/// writing a document, the receiver asks <see cref="InvoiceExportReceiveOptions.Approval"/> with the zip's path.
/// </summary>
public static class InvoiceExportReceiver
{
    // The export statuses that will never become DONE: the model's ERROR and the docs' CANCELLED and FATAL.
    private static readonly string[] Failed = { "ERROR", "CANCELLED", "FATAL" };

    /// <summary>Waits for the export, then yields each file as it lands: the extracted invoices, or the zips.</summary>
    public static async IAsyncEnumerable<string> ReceiveAsync(
        TaxInvoicesApi api,
        string exportId,
        InvoiceExportReceiveOptions options,
        TimeProvider time,
        IProgress<InvoiceExportReceiveProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            throw new ArgumentException("Path must name the folder for the documents.", "Path");
        }

        OutputFolder.Check(options.Folder);
        var poller = new Poller(time, options.PollInterval ?? api.Client.Options.RateLimiters.Paced(InvoiceExportReceiveOptions.DefaultPollInterval), options.Timeout);
        var export = await WaitAsync(api, exportId, poller, progress, cancellationToken).ConfigureAwait(false);
        var documents = export.InvoicesDocumentIds ?? new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            progress?.Report(new InvoiceExportReceiveProgress(exportId, "DONE", TimeSpan.Zero, null, i, documents.Count));
            foreach (var file in await ReceiveDocumentAsync(api, documents[i], options, cancellationToken).ConfigureAwait(false))
            {
                yield return file;
            }
        }

        progress?.Report(new InvoiceExportReceiveProgress(exportId, "DONE", TimeSpan.Zero, null, documents.Count, documents.Count));
    }

    private static async Task<Export> WaitAsync(
        TaxInvoicesApi api, string exportId, Poller poller, IProgress<InvoiceExportReceiveProgress>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var export = await api.GetInvoicesExportAsync(exportId, cancellationToken).ConfigureAwait(false);
            var status = export.Status ?? "UNKNOWN";
            if (status == "DONE")
            {
                return export;
            }

            if (Failed.Contains(status))
            {
                throw new InvoiceExportFailedException(exportId, status, export.ErrorMessage);
            }

            if (!await poller.WaitForNextCheckAsync(elapsed => progress?.Report(new InvoiceExportReceiveProgress(exportId, status, elapsed, poller.Interval, 0, 0)), cancellationToken).ConfigureAwait(false))
            {
                throw new InvoiceExportTimeoutException($"The export {exportId} was still {status} after {poller.Elapsed.TotalSeconds:0} s, and the next check would pass -TimeoutSec ({poller.Timeout!.Value.TotalSeconds:0} s). Receive it later: Receive-SpInvoiceExport -ExportId {exportId}.");
            }
        }
    }

    private static async Task<IReadOnlyList<string>> ReceiveDocumentAsync(
        TaxInvoicesApi api, string documentId, InvoiceExportReceiveOptions options, CancellationToken cancellationToken)
    {
        // The document id comes from the server: keep only characters that are safe in a file name.
        var safeName = OutputFolder.SafeName(documentId);
        var zip = Path.Combine(options.Folder, safeName + ".zip");
        var manifest = Path.Combine(options.Folder, $".{safeName}.expanded");
        if (options.Expand && File.Exists(manifest))
        {
            return File.ReadAllLines(manifest).Where(l => l.Length > 0).Select(n => Path.Combine(options.Folder, n)).ToList();
        }

        // A zip on disk that is not valid (left by an older version, another tool or a crash) is never reused,
        // or every later run would fail on it: it is downloaded again.
        var subject = $"invoice document {documentId}";
        var corrupt = File.Exists(zip) && !ZipExtraction.IsValid(zip, options.ZipLimits, subject);
        var download = corrupt || !File.Exists(zip);
        if (!download && !options.Expand)
        {
            return new[] { zip };
        }

        var action = (download, options.Expand) switch
        {
            (true, true) => $"Download invoice document {documentId} and extract it",
            (true, false) => $"Download invoice document {documentId}",
            _ => $"Extract invoice document {documentId}",
        };
        if (!await options.Approval.ApproveAsync(zip, action, cancellationToken).ConfigureAwait(false))
        {
            return Array.Empty<string>();
        }

        OutputFolder.Create(options.Folder);
        StaleTemporaryFiles.Remove(options.Folder, options.Verbose);
        if (corrupt)
        {
            // Only now, once approved: -WhatIf leaves it where it is.
            options.Warn?.Invoke($"The invoice document {documentId} on disk ({zip}) is not a valid zip; it is discarded and downloaded again.");
            File.Delete(zip);
        }

        if (download)
        {
            await DownloadAsync(api, documentId, zip, options, cancellationToken).ConfigureAwait(false);
        }

        if (!options.Expand)
        {
            return new[] { zip };
        }

        var files = await ZipExtraction.ExtractAsync(zip, options.Folder, cancellationToken, options.ZipLimits, subject).ConfigureAwait(false);
        var root = Path.GetFullPath(options.Folder);
        var names = string.Join("\n", files.Select(f => f.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)));
        AtomicFile.WriteAllBytes(manifest, Encoding.UTF8.GetBytes(names));
        File.Delete(zip);
        return files;
    }

    private static async Task DownloadAsync(TaxInvoicesApi api, string documentId, string zip, InvoiceExportReceiveOptions options, CancellationToken cancellationToken)
    {
        try
        {
            // The zip is checked before it takes its name, so a corrupt download never sits on disk as the document.
            await DocumentDownload.DownloadFromFreshUrlAsync(
                api.Client,
                async ct => DocumentUrl.From((await api.GetInvoicesDocumentAsync(documentId, ct).ConfigureAwait(false)).InvoicesDocumentUrl, SpApiOperations.GetInvoicesDocument.Name),
                zip,
                cancellationToken,
                file => ZipExtraction.Verify(file, options.ZipLimits, $"invoice document {documentId}"),
                (ex, attempt) =>
                {
                    if (ex is CorruptZipException corrupt)
                    {
                        options.Warn?.Invoke($"The download of invoice document {documentId} was not a valid zip ({corrupt.Message}); it was discarded and the document is fetched again (attempt {attempt + 1} of {DocumentDownload.Attempts}).");
                    }
                }).ConfigureAwait(false);
        }
        catch (CorruptZipException ex)
        {
            throw new InvoiceDocumentCorruptException(documentId, DocumentDownload.Attempts, ex);
        }
    }
}
