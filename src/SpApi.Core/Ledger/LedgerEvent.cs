namespace SpApi.Core.Ledger;

/// <summary>What happened to an invoice, in the order a submission goes through it.</summary>
public enum LedgerEvent
{
    /// <summary>Written before the POST. Without a later record, the outcome is unknown: the process died or lost the answer.</summary>
    Sending,

    /// <summary>Amazon accepted the request into a transaction.</summary>
    Accepted,

    /// <summary>The request may have reached Amazon but no answer came (a 5xx, a dropped connection, a timeout).</summary>
    OutcomeUnknown,

    /// <summary>Amazon refused the request (4xx), so the invoice was not processed.</summary>
    Rejected,

    /// <summary>Held back in a run that halted after an unknown outcome; it never left the computer.</summary>
    NotSent,

    /// <summary>The transaction ended in Success.</summary>
    Success,

    /// <summary>The transaction ended in Failure.</summary>
    Failure,
}
