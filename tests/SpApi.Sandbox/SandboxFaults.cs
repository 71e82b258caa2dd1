namespace SpApi.Sandbox;

/// <summary>The faults the sandbox can inject.</summary>
public enum FaultKind
{
    /// <summary>Answer 500 Internal Server Error.</summary>
    InternalServerError,

    /// <summary>Answer 503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Answer 429 Too Many Requests, as if the bucket were empty.</summary>
    TooManyRequests,

    /// <summary>Drop the connection without an answer.</summary>
    ConnectionReset,

    /// <summary>Wait before answering normally.</summary>
    Slow,
}

/// <summary>Faults on demand: the next N matching requests fail in a given way.</summary>
public sealed class SandboxFaults
{
    private readonly object gate = new();
    private readonly List<Rule> rules = new();

    /// <summary>How long a Slow fault waits.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Makes the next <paramref name="count"/> requests of the operation (any operation when null, "LWA" for the token endpoint) fail.</summary>
    public void Inject(FaultKind kind, int count = 1, string? operation = null)
    {
        lock (gate)
        {
            rules.Add(new Rule(kind, operation) { Remaining = count });
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    internal FaultKind? Next(string operation)
    {
        lock (gate)
        {
            var rule = rules.FirstOrDefault(r => r.Remaining > 0 && (r.Operation is null || r.Operation == operation));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Kind;
        }
    }

    private sealed record Rule(FaultKind Kind, string? Operation)
    {
        public int Remaining { get; set; }
    }
}
