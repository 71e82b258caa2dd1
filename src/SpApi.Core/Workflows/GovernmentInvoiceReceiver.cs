using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Operations;
using SpApi.Core.Polling;

namespace SpApi.Core.Workflows;

/// <summary>How Receive-SpGovernmentInvoice waits and what it writes.</summary>
public sealed class GovernmentInvoiceReceiveOptions
{
    /// <summary>The folder for the documents.</summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>XML (Amazon's default, the NF-e itself) or PDF (its printable DANFE), in any case.</summary>
    public string FileFormat { get; set; } = "XML";

    /// <summary>How long to wait for the request to finish; null waits as long as it takes.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The poll interval when none is given: getGovernmentInvoiceStatus's pace, one a minute.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often to ask about the request's status; null for <see cref="DefaultPollInterval"/>, divided by the rate
    /// scale of the connection's buckets (SPAPI_RATE_SCALE), as the export receiver's is.
    /// </summary>
    public TimeSpan? PollInterval { get; set; }
}

/// <summary>Where a receive stands, for Write-Progress.</summary>
public readonly record struct GovernmentInvoiceReceiveProgress(string ShipmentId, string Status, TimeSpan Elapsed, TimeSpan NextPoll);

/// <summary>The request was not done within -TimeoutSec.</summary>
public sealed class GovernmentInvoiceTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public GovernmentInvoiceTimeoutException(string status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The status the request was in when the wait ended.</summary>
    public string Status { get; }
}

/// <summary>
/// Waits for a government invoice request and brings its document to disk as &lt;ShipmentId&gt;-&lt;InvoiceType&gt;.xml
/// (or .pdf). A document already there is skipped without a call, so a second run costs nothing. The URL is
/// fetched just before the download (it lapses 30 seconds after issue) and again if it lapsed; the document
/// streams to a temporary file that is renamed when complete.
/// </summary>
public static class GovernmentInvoiceReceiver
{
    /// <summary>The file the document of <paramref name="shipment"/> is written to in <paramref name="folder"/>.</summary>
    public static string FileFor(string folder, GovernmentInvoiceShipment shipment, string fileFormat)
    {
        if (shipment is null)
        {
            throw new ArgumentNullException(nameof(shipment));
        }

        // The values come from input: keep only characters that are safe in a file name.
        var name = OutputFolder.SafeName(shipment.ShipmentId) + "-" + OutputFolder.SafeName(shipment.InvoiceType);
        return Path.Combine(folder, name + "." + GovernmentInvoiceRules.FileFormat(fileFormat).ToLowerInvariant());
    }

    /// <summary>Waits for SUCCESS, downloads the document and returns its path; or returns the one already on disk.</summary>
    public static async Task<string> ReceiveAsync(
        GovernmentInvoicesApi api,
        GovernmentInvoiceShipment shipment,
        GovernmentInvoiceReceiveOptions options,
        TimeProvider time,
        IProgress<GovernmentInvoiceReceiveProgress>? progress,
        Action<string>? verbose,
        CancellationToken cancellationToken)
    {
        if (api is null || shipment is null || options is null)
        {
            throw new ArgumentNullException(api is null ? nameof(api) : shipment is null ? nameof(shipment) : nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            throw new ArgumentException("Path must name the folder for the documents.", "Path");
        }

        shipment.Check();
        var format = GovernmentInvoiceRules.FileFormat(options.FileFormat);
        var poller = new Poller(time, options.PollInterval ?? api.Client.Options.RateLimiters.Paced(GovernmentInvoiceReceiveOptions.DefaultPollInterval), options.Timeout);
        var file = FileFor(options.Folder, shipment, format);
        if (File.Exists(file))
        {
            verbose?.Invoke($"{file} is already there: nothing asked, nothing downloaded for {shipment}.");
            return file;
        }

        await WaitAsync(api, shipment, poller, progress, cancellationToken).ConfigureAwait(false);
        OutputFolder.Create(options.Folder);
        StaleTemporaryFiles.Remove(options.Folder, verbose);
        await DownloadAsync(api, shipment, format, file, cancellationToken).ConfigureAwait(false);
        return file;
    }

    private static async Task WaitAsync(
        GovernmentInvoicesApi api, GovernmentInvoiceShipment shipment, Poller poller, IProgress<GovernmentInvoiceReceiveProgress>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var invoice = await api.GetGovernmentInvoiceStatusAsync(shipment, cancellationToken).ConfigureAwait(false);
            switch (invoice.Status)
            {
                case GovernmentInvoice.Success:
                    return;
                case GovernmentInvoice.Error:
                    throw new GovernmentInvoiceFailedException(invoice, "Fix the cause, then request it again with New-SpGovernmentInvoice -Force.");
            }

            if (!await poller.WaitForNextCheckAsync(elapsed => progress?.Report(new GovernmentInvoiceReceiveProgress(shipment.ShipmentId, invoice.Status, elapsed, poller.Interval)), cancellationToken).ConfigureAwait(false))
            {
                throw new GovernmentInvoiceTimeoutException(
                    invoice.Status,
                    $"The government invoice request for {shipment} was still {invoice.Status} after {poller.Elapsed.TotalSeconds:0} s, and the next check would pass -TimeoutSec ({poller.Timeout!.Value.TotalSeconds:0} s). Receive it later: nothing needs to be requested again.");
            }
        }
    }

    // The URL is asked for just before the download, and again if it lapsed (getGovernmentInvoiceDocument's bucket paces it).
    private static Task DownloadAsync(GovernmentInvoicesApi api, GovernmentInvoiceShipment shipment, string format, string file, CancellationToken cancellationToken) =>
        DocumentDownload.DownloadFromFreshUrlAsync(
            api.Client,
            async ct => DocumentUrl.From((await api.GetGovernmentInvoiceDocumentAsync(shipment, format, ct).ConfigureAwait(false)).InvoiceDocumentUrl, SpApiOperations.GetGovernmentInvoiceDocument.Name),
            file,
            cancellationToken);
}
