using System.Management.Automation;
using SpApi.Core.Invoicing;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>The two ways Test- and Submit-SpVendorInvoice take invoices: pipeline objects, or JSON files.</summary>
internal static class InvoiceInputSets
{
    public const string InputObject = "InputObject";
    public const string Path = "Path";

    /// <summary>The plain (or model) invoices of one ProcessRecord call.</summary>
    public static IEnumerable<object?> Sources(PSCmdlet cmdlet, string parameterSet, object? inputObject, string[] paths)
    {
        if (parameterSet != Path)
        {
            return new[] { PlainObject.From(inputObject) };
        }

        return paths.SelectMany(path => InvoiceInput.ReadFile(cmdlet.GetUnresolvedProviderPathFromPSPath(path)));
    }
}
