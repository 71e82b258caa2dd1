using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Completers;

/// <summary>
/// Completes Tax Invoices filter values from the marketplace's attribute options, with the API's description
/// of each as its tooltip. When connected, the first completion fetches them (within a few seconds, through
/// the rate limit) and keeps them on disk for a day, so later sessions complete without a call.
/// </summary>
public abstract class InvoiceAttributeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return InvoiceAttributeCache.ForCompletion(fakeBoundParameters, Pick)
            .Where(o => !string.IsNullOrEmpty(o.Value) && o.Value!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(o => new CompletionResult(o.Value!, o.Value!, CompletionResultType.ParameterValue, string.IsNullOrWhiteSpace(o.Description) ? o.Value! : o.Description!));
    }

    private protected abstract IEnumerable<AttributeOption> Pick(InvoicesAttributes attributes);
}

/// <summary>Completes invoice statuses.</summary>
public sealed class InvoiceStatusCompleter : InvoiceAttributeCompleter
{
    private protected override IEnumerable<AttributeOption> Pick(InvoicesAttributes attributes) => attributes.InvoiceStatusOptions;
}

/// <summary>Completes invoice types.</summary>
public sealed class InvoiceTypeCompleter : InvoiceAttributeCompleter
{
    private protected override IEnumerable<AttributeOption> Pick(InvoicesAttributes attributes) => attributes.InvoiceTypeOptions;
}

/// <summary>Completes transaction types.</summary>
public sealed class TransactionTypeCompleter : InvoiceAttributeCompleter
{
    private protected override IEnumerable<AttributeOption> Pick(InvoicesAttributes attributes) => attributes.TransactionTypeOptions;
}

/// <summary>Completes transaction identifier names.</summary>
public sealed class TransactionIdentifierNameCompleter : InvoiceAttributeCompleter
{
    private protected override IEnumerable<AttributeOption> Pick(InvoicesAttributes attributes) => attributes.TransactionIdentifierNameOptions;
}
