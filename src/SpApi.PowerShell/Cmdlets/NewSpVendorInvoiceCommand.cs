using System.Management.Automation;
using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Invoicing;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Builds vendor (or, with -DirectFulfillment, Direct Fulfillment) invoice objects in the model's shape: from
/// parameters, from hashtables, or from objects such as Import-Csv rows (one row per line item, grouped by
/// InvoiceNumber), ConvertFrom-Json or Import-Clixml output, or JSON files. It makes no call; Test-SpVendorInvoice checks
/// the result and Submit-SpVendorInvoice sends it. An input it cannot build is an error, and its test result
/// (IsValid false, every problem) is output in its place.
/// </summary>
[Cmdlet(VerbsCommon.New, "SpVendorInvoice", DefaultParameterSetName = InvoiceInputSets.InputObject, HelpUri = HelpLinks.Root + "New-SpVendorInvoice.md")]
[OutputType(typeof(Invoice), typeof(InvoiceDetail), typeof(VendorInvoiceTestResult))]
public sealed class NewSpVendorInvoiceCommand : SpApiCmdlet
{
    private const string ParametersSet = "Parameters";

    private InvoiceStream? stream;

    /// <summary>A hashtable or object in the model's shape, a CSV row (columns in about_SpApi_VendorInvoices), or a JSON file from Get-ChildItem.</summary>
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

    /// <summary>The invoice (or credit note) number: id in the vendor model, invoiceNumber in Direct Fulfillment's.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [Alias("InvoiceNumber")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    /// <summary>Invoice (default) or CreditNote; vendor invoices only.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateSet("Invoice", "CreditNote")]
    [CanonicalSpelling("Invoice", "CreditNote")]
    public string? InvoiceType { get; set; }

    /// <summary>The invoice date (date in the vendor model, invoiceDate in Direct Fulfillment's). A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [Alias("InvoiceDate")]
    [DateArgument]
    public DateTimeOffset Date { get; set; }

    /// <summary>The party receiving the payment: a party id (your vendor code), or a hashtable with partyId, address and taxRegistrationDetails.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNull]
    public object RemitToParty { get; set; } = string.Empty;

    /// <summary>The party sending the goods (required for Direct Fulfillment: the warehouse code); a party id or a hashtable.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    public object? ShipFromParty { get; set; }

    /// <summary>The party receiving the goods (vendor invoices); a party id or a hashtable.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    public object? ShipToParty { get; set; }

    /// <summary>The party the invoice is issued to; a party id or a hashtable.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    public object? BillToParty { get; set; }

    /// <summary>The invoice total. Write it as a decimal (12.50d) or a string ("12.50") to keep its scale.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    public decimal InvoiceTotal { get; set; }

    /// <summary>The ISO 4217 currency of the invoice; every amount given without a currency gets it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidatePattern("^[A-Z]{3}$")]
    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>The line items: hashtables in the model's shape; lines without itemSequenceNumber are numbered 1, 2 and so on.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNull]
    public object[]? Item { get; set; }

    /// <summary>The invoice's taxes (taxDetails; taxTotals in Direct Fulfillment), as hashtables.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNull]
    public object[]? TaxDetail { get; set; }

    /// <summary>The invoice's charges (chargeDetails), as hashtables.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNull]
    public object[]? ChargeDetail { get; set; }

    /// <summary>The invoice's allowances (allowanceDetails), as hashtables; vendor invoices only.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNull]
    public object[]? AllowanceDetail { get; set; }

    /// <summary>An additional reference number for regulatory or other purposes.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string? ReferenceNumber { get; set; }

    /// <summary>Builds the Direct Fulfillment model (InvoiceDetail) instead of the vendor one (Invoice).</summary>
    [Parameter]
    public SwitchParameter DirectFulfillment { get; set; }

    private InvoiceApi Api => InvoiceInputSets.Api(DirectFulfillment);

    /// <inheritdoc />
    protected override void BeginProcessing() => stream = new InvoiceStream(Api, applyRules: false);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParametersSet)
        {
            Emit(Fields().Read(Api));
            return;
        }

        InvoiceInputSets.ForEach(this, ParameterSetName, InputObject, Path, LiteralPath, source => Emit(stream!.Add(source)));
    }

    /// <inheritdoc />
    protected override void EndProcessing() => Emit(stream!.Complete());

    private void Emit(IEnumerable<VendorInvoiceTestResult> results)
    {
        foreach (var result in results)
        {
            Emit(result);
        }
    }

    // An invoice that cannot be built is an error, and its result goes on down the pipeline too: Test-SpVendorInvoice
    // then lists its problems with the others' (the README's check-first pipeline), and Submit-SpVendorInvoice refuses it.
    private void Emit(VendorInvoiceTestResult result)
    {
        if (result.IsValid)
        {
            WriteObject(result.Invoice);
            return;
        }

        WriteError(ToErrorRecord(
            new InvalidVendorInvoiceException(result, "No invoice object was made from it; fix the input. Its test result is passed on, so Test-SpVendorInvoice lists these problems and Submit-SpVendorInvoice refuses it."),
            ErrorIds.InvalidVendorInvoiceInput,
            result.InvoiceId));
        WriteObject(result);
    }

    private InvoiceFields Fields() => new()
    {
        Id = Id,
        InvoiceType = InvoiceType,
        Date = Date,
        ReferenceNumber = ReferenceNumber,
        RemitToParty = PlainObject.From(RemitToParty),
        ShipFromParty = PlainObject.From(ShipFromParty),
        ShipToParty = PlainObject.From(ShipToParty),
        BillToParty = PlainObject.From(BillToParty),
        InvoiceTotal = InvoiceTotal,
        // ValidatePattern ignores case; ISO 4217 codes are upper case.
        CurrencyCode = CurrencyCode.ToUpperInvariant(),
        Items = PlainObject.From(Item) as List<object?>,
        TaxDetails = PlainObject.From(TaxDetail),
        ChargeDetails = PlainObject.From(ChargeDetail),
        AllowanceDetails = PlainObject.From(AllowanceDetail),
    };
}
