using System.Text.Json;
using System.Text.Json.Serialization;
using SpApi.Core.Files;
using SpApi.Core.Http;
using SpApi.Core.Security;

namespace SpApi.Core.Ledger;

/// <summary>
/// The local record of every invoice Submit-SpVendorInvoice sends, one file per selling-partner account
/// and endpoint: JSON lines, only ever appended, each line flushed to disk before the call goes on. Writers
/// take an exclusive lock file, so two processes never interleave or decide on stale state. A process killed
/// mid-line leaves an unfinished last line: readers ignore it and the next writer cuts it off (it was never
/// acted on, since "Sending" is written before the POST). Any other unreadable line stops the run.
/// </summary>
public sealed class SubmissionLedger
{
    /// <summary>How long a writer waits for another one's lock.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly TimeProvider time;

    /// <summary>Opens (or will create) the ledger file.</summary>
    public SubmissionLedger(string path, TimeProvider time)
    {
        Path = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <summary>Where ledgers live unless -LedgerPath says otherwise: the user's local application data.</summary>
    public static string DefaultFolder => LocalDataFolder.Resolve(Environment.GetEnvironmentVariable(PathVariable), "ledger");

    /// <summary>The variable that moves the ledger folder for a whole session or scheduled task, as -LedgerPath does for one command.</summary>
    public const string PathVariable = "SPAPI_LEDGER_PATH";

    /// <summary>The ledger file of one account at one endpoint in <paramref name="folder"/>; its name is a hash, so it names no secret.</summary>
    public static string FileFor(string folder, SpApiClientOptions options)
    {
        return System.IO.Path.Combine(folder, "submissions-" + Sha256Hex.Of($"{options.Endpoint.AbsoluteUri}|{options.Credentials.AccountKey}", 8) + ".jsonl");
    }

    /// <summary>The SHA-256 of an invoice's canonical JSON (the model's own serialisation), in lower-case hex.</summary>
    public static string HashOf(object invoice) => Sha256Hex.Of(JsonSerializer.SerializeToUtf8Bytes(invoice, invoice.GetType(), Json));

    /// <summary>Every complete record, oldest first.</summary>
    public IReadOnlyList<LedgerRecord> ReadAll()
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(Path))
            {
                return Array.Empty<LedgerRecord>();
            }

            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SubmissionLedgerException(Path, $"cannot be read: {ex.Message}", ex);
        }

        return Parse(bytes);
    }

    /// <summary>The latest record of each invoice, by API and invoice number.</summary>
    public IReadOnlyDictionary<(string Api, string InvoiceId), LedgerRecord> Latest() => Latest(ReadAll());

    /// <summary>
    /// Under the lock: reads the ledger afresh, lets <paramref name="decide"/> see it (it may throw to refuse),
    /// and appends what it returns, each line flushed to disk before this returns.
    /// </summary>
    public IReadOnlyList<LedgerRecord> Update(Func<IReadOnlyDictionary<(string Api, string InvoiceId), LedgerRecord>, IEnumerable<LedgerRecord>> decide)
    {
        using var held = AcquireLock();
        var records = decide(Latest()).ToList();
        var now = time.GetUtcNow();
        foreach (var record in records)
        {
            record.At = now;
        }

        Append(records);
        return records;
    }

    private static IReadOnlyDictionary<(string, string), LedgerRecord> Latest(IEnumerable<LedgerRecord> records)
    {
        var latest = new Dictionary<(string, string), LedgerRecord>();
        foreach (var record in records)
        {
            latest[(record.Api, record.InvoiceId)] = record;
        }

        return latest;
    }

    private List<LedgerRecord> Parse(byte[] bytes)
    {
        var records = new List<LedgerRecord>();
        var start = 0;
        var line = 0;
        for (var end = Array.IndexOf(bytes, (byte)'\n'); end >= 0; start = end + 1, end = Array.IndexOf(bytes, (byte)'\n', start))
        {
            line++;
            if (end == start)
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize<LedgerRecord>(new ReadOnlySpan<byte>(bytes, start, end - start), Json);
                if (record is null || record.Api.Length == 0 || record.InvoiceId.Length == 0 || !Enum.IsDefined(typeof(LedgerEvent), record.Event))
                {
                    throw new JsonException("a record needs api, invoiceId and a known event.");
                }

                records.Add(record);
            }
            catch (JsonException ex)
            {
                throw new SubmissionLedgerException(Path, $"is damaged: line {line} is not a ledger record ({ex.Message}).", ex);
            }
        }

        // What follows the last newline is a line a killed writer never finished: it was never acted on.
        return records;
    }

    private void Append(IReadOnlyList<LedgerRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
            CutUnfinishedLine(stream);
            foreach (var record in records)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(record, Json);
                stream.Write(bytes, 0, bytes.Length);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SubmissionLedgerException(Path, $"cannot be written: {ex.Message}", ex);
        }
    }

    // Only a writer that died mid-line leaves bytes after the last newline; the lock says none is writing now.
    private static void CutUnfinishedLine(FileStream stream)
    {
        var length = stream.Length;
        var position = length;
        while (position > 0)
        {
            stream.Position = position - 1;
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            position--;
        }

        if (position != length)
        {
            stream.SetLength(position);
        }

        stream.Position = position;
    }

    private FileStream AcquireLock()
    {
        var lockPath = Path + ".lock";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            return ExclusiveFile.TryOpen(lockPath, LockTimeout)
                ?? throw new SubmissionLedgerException(Path, $"could not be locked ({lockPath}) within {LockTimeout.TotalSeconds:0} s: another writer holds it");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SubmissionLedgerException(Path, $"could not be locked ({lockPath}): {ex.Message}", ex);
        }
    }

}
