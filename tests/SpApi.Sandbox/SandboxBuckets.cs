using System.Collections.Concurrent;
using System.Diagnostics;
using SpApi.Core.Operations;

namespace SpApi.Sandbox;

/// <summary>SP-API's token buckets: rate and burst per (operation, account), refilled continuously.</summary>
internal sealed class SandboxBuckets
{
    private readonly ConcurrentDictionary<(string, string), Bucket> buckets = new();
    private readonly SandboxOptions options;

    public SandboxBuckets(SandboxOptions options) => this.options = options;

    /// <summary>The rate the server enforces and reports for the operation, before scaling.</summary>
    public double RateOf(OperationDescriptor operation) =>
        options.RateOverrides.TryGetValue(operation.Key, out var rate) ? rate : operation.Rate;

    public bool TryTake(OperationDescriptor operation, string account) =>
        buckets.GetOrAdd((operation.Key, account), _ => new Bucket(operation.Burst)).TryTake(RateOf(operation) * options.RateScale);

    public void Clear() => buckets.Clear();

    private sealed class Bucket
    {
        private readonly int burst;
        private double tokens;
        private long last = Stopwatch.GetTimestamp();

        public Bucket(int burst)
        {
            this.burst = burst;
            tokens = burst;
        }

        public bool TryTake(double rate)
        {
            lock (this)
            {
                var now = Stopwatch.GetTimestamp();
                tokens = Math.Min(burst, tokens + ((now - last) / (double)Stopwatch.Frequency * rate));
                last = now;
                if (tokens < 1)
                {
                    return false;
                }

                tokens--;
                return true;
            }
        }
    }
}
