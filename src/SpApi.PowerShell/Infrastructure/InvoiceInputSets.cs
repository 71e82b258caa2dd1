using System.Management.Automation;
using SpApi.Core.Invoicing;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>How New-, Test- and Submit-SpVendorInvoice take invoices: pipeline objects, or JSON files by -Path (wildcards) or -LiteralPath.</summary>
internal static class InvoiceInputSets
{
    public const string InputObject = "InputObject";
    public const string Path = "Path";
    public const string LiteralPath = "LiteralPath";

    /// <summary>The model plain input is read as.</summary>
    public static InvoiceApi Api(SwitchParameter directFulfillment) => directFulfillment ? InvoiceApi.DirectFulfillment : InvoiceApi.Vendor;

    /// <summary>
    /// Hands each invoice of one ProcessRecord call to <paramref name="accept"/>. Input that cannot be read
    /// (a path that matches no file or is not on the file system, a file that is not JSON, CSV rows out of order)
    /// gets its own error, and the other files are still read. -Path expands wildcards; -LiteralPath does not.
    /// </summary>
    public static void ForEach(PSCmdlet cmdlet, string parameterSet, object? inputObject, string[] path, string[] literalPath, Action<object?> accept)
    {
        if (parameterSet is not (Path or LiteralPath))
        {
            if ((inputObject is PSObject wrapped ? wrapped.BaseObject : inputObject) is FileInfo file)
            {
                // Get-ChildItem *.json | Test-SpVendorInvoice: a file from the pipeline is read as -LiteralPath would read it.
                // (InputObject takes any object by value, so a FileInfo never reaches -LiteralPath by its PSPath.)
                Guard(cmdlet, file.FullName, () => ReadFile(file.FullName, accept));
                return;
            }

            Guard(cmdlet, inputObject, () => accept(PlainObject.From(inputObject)));
            return;
        }

        var parameterName = parameterSet;
        var literal = parameterSet == LiteralPath;
        foreach (var given in literal ? literalPath : path)
        {
            var files = ProviderPaths.InputFiles(cmdlet, given, literal, parameterName, ErrorIds.InvalidVendorInvoiceInput, out var error);
            if (error is not null)
            {
                cmdlet.WriteError(error);
            }

            foreach (var file in files)
            {
                Guard(cmdlet, file, () => ReadFile(file, accept));
            }
        }
    }

    private static void ReadFile(string file, Action<object?> accept)
    {
        foreach (var source in InvoiceInput.ReadFile(file))
        {
            accept(source);
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
