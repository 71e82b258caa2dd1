namespace SpApi.Sandbox;

/// <summary>One way a request body breaks its model: where (a JSON path such as invoices[0].invoiceTotal.amount) and what.</summary>
public sealed record SchemaProblem(string Path, string Message)
{
    /// <summary>The problem as one sentence that starts with the path.</summary>
    public override string ToString() => $"{(Path.Length == 0 ? "The request body" : Path)} {Message}";
}
