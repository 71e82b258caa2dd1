using SpApi.Core.Diagnostics;

namespace SpApi.Core.Limits;

/// <summary>Where one bucket's state lives: this process's memory, or a file every process of the user shares.</summary>
internal interface IBucketStore
{
    /// <summary>
    /// Reads the state (null when there is none yet), stores what <paramref name="change"/> makes of it and returns
    /// that, as one step that no other caller, in this process or another, interleaves with.
    /// </summary>
    BucketState Update(Func<BucketState?, BucketState> change, ISpApiLog? log);
}

/// <summary>A bucket kept in this process alone.</summary>
internal sealed class MemoryBucketStore : IBucketStore
{
    private readonly object gate = new();
    private BucketState? state;

    public MemoryBucketStore(BucketState? start = null) => state = start;

    public BucketState Update(Func<BucketState?, BucketState> change, ISpApiLog? log)
    {
        lock (gate)
        {
            var next = change(state);
            state = next;
            return next;
        }
    }
}
