using System.Management.Automation;
using SpApi.Core.Invoicing;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>How New-, Test- and Submit-SpVendorInvoice take invoices: pipeline objects, or JSON files.</summary>
internal static class InvoiceInputSets
{
    public const string InputObject = "InputObject";
    public const string Path = "Path";

    /// <summary>The model plain input is read as.</summary>
    public static InvoiceApi Api(SwitchParameter directFulfillment) => directFulfillment ? InvoiceApi.DirectFulfillment : InvoiceApi.Vendor;

    /// <summary>
    /// Hands each invoice of one ProcessRecord call to <paramref name="accept"/>. Input that cannot be read
    /// (a file that is not JSON, CSV rows out of order) gets its own error, and the other files are still read.
    /// </summary>
    public static void ForEach(PSCmdlet cmdlet, string parameterSet, object? inputObject, string[] paths, Action<object?> accept)
    {
        if (parameterSet != Path)
        {
            Guard(cmdlet, inputObject, () => accept(PlainObject.From(inputObject)));
            return;
        }

        foreach (var path in paths)
        {
            Guard(cmdlet, path, () =>
            {
                foreach (var source in InvoiceInput.ReadFile(cmdlet.GetUnresolvedProviderPathFromPSPath(path)))
                {
                    accept(source);
                }
            });
        }
    }

    private static void Guard(Cmdlet cmdlet, object? target, Action read)
    {
        try
        {
            read();
        }
        catch (ArgumentException ex) when (!PowerShellFailure.Is(ex))
        {
            cmdlet.WriteError(ErrorClassifier.Record(ex, ErrorIds.InvalidVendorInvoiceInput, target));
        }
    }
}
