namespace SpApi.Core.Invoicing;

/// <summary>One thing wrong with an invoice: where (a path in the model's names, such as items[1].netCost.amount) and what.</summary>
public sealed class InvoiceProblem
{
    /// <summary>Creates a problem.</summary>
    public InvoiceProblem(string path, string message)
    {
        Path = path;
        Message = message;
    }

    /// <summary>The field, as a path of the model's property names; empty for the invoice as a whole.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what the rule is.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
