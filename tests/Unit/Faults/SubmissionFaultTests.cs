using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Sandbox;
using SpApi.Tests.Support;
using SpApi.Tests.VendorInvoices;

namespace SpApi.Tests.Faults;

/// <summary>
/// Submitting under random faults, including answers lost after Amazon processed the request: no invoice
/// ever reaches the server twice, and every invoice ends up either confirmed or reported as unknown.
/// </summary>
public sealed class SubmissionFaultTests
{
    private static readonly FaultKind[] Kinds =
    {
        FaultKind.InternalServerError, FaultKind.ServiceUnavailable, FaultKind.TooManyRequests, FaultKind.ConnectionReset,
        FaultKind.Slow, FaultKind.ResetAfterProcessing, FaultKind.InternalServerErrorAfterProcessing,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomFaultsLeaveNoDuplicateAndEveryInvoiceAccountedFor(int seed)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        // A slow answer times out on the client's fake clock, moved past the timeout the moment the server holds
        // the request; the server would hold it far beyond the test. Retries go out at once, not on that clock.
        var clock = new FakeTimeProvider();
        var timeout = TimeSpan.FromMinutes(2);
        sandbox.State.Faults.SlowDelay = TimeSpan.FromMinutes(5);
        // Off the server's thread: the timeout's cancellation runs the client's code.
        sandbox.State.Faults.SlowStarted += _ => ThreadPool.QueueUserWorkItem(_ => clock.Advance(timeout));
        var api = new VendorInvoicingApi(sandbox.Client(time: clock, requestTimeout: timeout, retryDelay: TimeSpan.Zero));
        var all = Enumerable.Range(1, 40).Select(i => $"INV-{i:D3}").ToList();
        var confirmed = new HashSet<string>();
        var unknown = new HashSet<string>();
        var pending = all;
        sandbox.State.Faults.InjectRandomly(0.25, seed, Kinds);
        // Whatever the seed draws, the first submission (INV-001 and INV-002) meets a slow answer, so times out.
        sandbox.State.Faults.Inject(FaultKind.Slow, 1, "submitInvoices");

        // Like a person re-running the script: each run sends what the last one held back, never what it reported as unknown.
        for (var run = 0; pending.Count > 0 && run < 40; run++)
        {
            var submission = new InvoiceSubmission(api, TimeProvider.System);
            var batcher = new InvoiceBatcher(maxInvoices: 2);
            var batches = pending.SelectMany(id => batcher.Add(InvoiceBatcherTests.Vendor(id))).ToList();
            batches.AddRange(batcher.Flush());
            var rejected = new List<string>();
            foreach (var batch in batches)
            {
                try
                {
                    if (await submission.SendAsync(batch, CancellationToken.None).Within() is { } result)
                    {
                        confirmed.UnionWith(result.InvoiceIds);
                    }
                }
                catch (SpApiException ex) when (ex.RequestMayHaveBeenProcessed)
                {
                    unknown.UnionWith(batch.InvoiceIds);
                }
                catch (SpApiException)
                {
                    rejected.AddRange(batch.InvoiceIds);
                }
            }

            pending = submission.NotSent.Concat(rejected).ToList();
        }

        var received = sandbox.State.Transactions.All.SelectMany(t => t.InvoiceIds).ToList();
        Assert.Equal(0, sandbox.Counters.DuplicateInvoiceSubmissions);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Empty(pending);
        Assert.Empty(confirmed.Intersect(unknown));
        Assert.Equal(all, confirmed.Union(unknown).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Superset(confirmed, received.ToHashSet());
        Assert.Subset(confirmed.Union(unknown).ToHashSet(), received.ToHashSet());
        Assert.Contains("INV-001", unknown);
        Assert.True(sandbox.Counters.FaultsInjected > 0, "the runs should have met faults");
    }
}
