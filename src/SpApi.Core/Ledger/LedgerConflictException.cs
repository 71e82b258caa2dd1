namespace SpApi.Core.Ledger;

/// <summary>The ledger refuses to send an invoice: it was sent before with other content, or its earlier outcome is unknown.</summary>
public sealed class LedgerConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LedgerConflictException(LedgerRecord earlier, bool outcomeUnknown, string message)
        : base(message)
    {
        Earlier = earlier;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>The ledger's latest record of the invoice.</summary>
    public LedgerRecord Earlier { get; }

    /// <summary>True when the earlier outcome is unknown (Amazon may have it); false when the content differs.</summary>
    public bool OutcomeUnknown { get; }
}
