using System.Management.Automation;
using SpApi.Core.Invoicing;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Checks invoices against the model's rules without calling Amazon: required fields, enums, formats of
/// amounts, dates, codes and party details, tax registration arrays, one currency per invoice, and the
/// invoice total. One result per invoice lists every problem with its path; -Quiet returns $true or $false.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SpVendorInvoice", DefaultParameterSetName = InvoiceInputSets.InputObject, HelpUri = HelpLinks.Root + "Test-SpVendorInvoice.md")]
[OutputType(typeof(VendorInvoiceTestResult), typeof(bool))]
public sealed class TestSpVendorInvoiceCommand : SpApiCmdlet
{
    private InvoiceStream? stream;

    /// <summary>An invoice (or the result of one it could not build) from New-SpVendorInvoice, a hashtable or object in the model's shape, a CSV row, or a JSON file from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InvoiceInputSets.InputObject)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>JSON files holding {"invoices": [...]}, an array of invoices, or one invoice; wildcards name several.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InvoiceInputSets.Path)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>As -Path, taken exactly as written: no character is a wildcard.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InvoiceInputSets.LiteralPath)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Reads plain input as Direct Fulfillment invoices (InvoiceDetail); model objects keep their own kind.</summary>
    [Parameter]
    public SwitchParameter DirectFulfillment { get; set; }

    /// <summary>Returns $true or $false for each invoice instead of the result object.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() =>
        stream = new InvoiceStream(InvoiceInputSets.Api(DirectFulfillment), applyRules: true);

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        InvoiceInputSets.ForEach(this, ParameterSetName, InputObject, Path, LiteralPath, source => Write(stream!.Add(source)));

    /// <inheritdoc />
    protected override void EndProcessing() => Write(stream!.Complete());

    private void Write(IEnumerable<VendorInvoiceTestResult> results)
    {
        foreach (var result in results)
        {
            WriteObject(Quiet ? result.IsValid : result);
        }
    }
}
