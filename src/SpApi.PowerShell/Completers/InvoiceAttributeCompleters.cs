using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Completers;

/// <summary>
/// Completes Tax Invoices filter values from the attribute options this session has already fetched
/// (Get-SpInvoiceAttribute or any Tax Invoices cmdlet fetches them). Completion itself never calls Amazon.
/// </summary>
public abstract class InvoiceAttributeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return InvoiceAttributeCache.Options(fakeBoundParameters, Pick)
            .Where(o => o.Value!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(o => new CompletionResult(o.Value!, o.Value!, CompletionResultType.ParameterValue, o.Description ?? o.Value!));
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
