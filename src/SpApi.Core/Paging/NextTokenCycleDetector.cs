namespace SpApi.Core.Paging;

/// <summary>
/// Spots a server that sends the pager round in circles, in constant memory whatever the number of
/// pages (Brent's method): one token is kept as a checkpoint and replaced after 1, 2, 4, 8... pages,
/// so a cycle of length L that starts after P pages is caught within 2 * max(P, L) + L pages.
/// </summary>
internal sealed class NextTokenCycleDetector
{
    private string? checkpoint;
    private long sinceCheckpoint;
    private long stride = 1;

    /// <summary>Returns false when the token was already seen, which means paging would never end.</summary>
    public bool Accept(string nextToken)
    {
        if (string.Equals(nextToken, checkpoint, StringComparison.Ordinal))
        {
            return false;
        }

        if (++sinceCheckpoint == stride)
        {
            checkpoint = nextToken;
            sinceCheckpoint = 0;
            stride *= 2;
        }

        return true;
    }
}
