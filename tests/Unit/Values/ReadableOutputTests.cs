using System.Globalization;
using System.Collections;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using SpApi.Core.Apis;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Invoicing;
using SpApi.PowerShell.Cmdlets;
using VendorInvoice = SpApi.Core.Apis.VendorInvoices.Invoice;

namespace SpApi.Tests.Values;

/// <summary>
/// The output types read well in Format-List and flatten into CSV cells: Export-Csv writes each property's
/// ToString(), so every collection and nested object of an output type has a ToString() of its values.
/// </summary>
public sealed class ReadableOutputTests
{
    [Fact]
    public void AReadableListIsItsItems()
    {
        Assert.Equal("id1; id2", new ReadableList<string> { "id1", "id2" }.ToString());
        Assert.Equal(string.Empty, new ReadableList<string>().ToString());
        Assert.Equal("SHIPMENT_ID: 1; SHIPMENT_ID: 2", new ReadableList<TransactionIdentifier> { new() { Name = "SHIPMENT_ID", Id = "1" }, new() { Name = "SHIPMENT_ID", Id = "2" } }.ToString());
    }

    [Fact]
    public void EveryCollectionAndNestedObjectOfAnOutputTypeHasReadableText()
    {
        var unreadable = new List<string>();
        var outputs = OutputTypes().ToList();
        Assert.Contains(typeof(Export), outputs);
        Assert.Contains(typeof(CustomerInvoiceList), outputs);
        foreach (var type in outputs)
        {
            Walk(type, type.Name, unreadable, new HashSet<Type>());
        }

        Assert.True(unreadable.Count == 0, string.Join("\n", unreadable));
    }

    [Fact]
    public void ListsReadFromJsonAreReadable()
    {
        var export = JsonSerializer.Deserialize<Export>("""{"exportId":"E1","status":"DONE","invoicesDocumentIds":["D1","D2"]}""")!;
        var invoice = JsonSerializer.Deserialize<Invoice>("""{"id":"1","transactionIds":[{"name":"SHIPMENT_ID","id":"S1"}]}""")!;
        var page = JsonSerializer.Deserialize<CustomerInvoiceList>("""{"pagination":{"nextToken":"abc"},"customerInvoices":[{"purchaseOrderNumber":"PO1","content":"JVBERg=="}]}""")!;
        var attributes = JsonSerializer.Deserialize<InvoicesAttributes>("""{"invoiceStatusOptions":[{"value":"AUTHORIZED","description":"Authorized"},{"value":"REJECTED"}]}""")!;

        Assert.Equal("D1; D2", export.InvoicesDocumentIds!.ToString());
        Assert.Equal("SHIPMENT_ID: S1", invoice.TransactionIds!.ToString());
        Assert.Equal(("next page: abc", "PO1 (4 bytes)"), (page.Pagination!.ToString(), page.CustomerInvoices.ToString()));
        Assert.Equal("last page", new Pagination().ToString());
        Assert.Equal("AUTHORIZED (Authorized); REJECTED", attributes.InvoiceStatusOptions.ToString());
    }

    [Fact]
    public void AVendorInvoiceBuiltFromInputReadsWell()
    {
        var result = InvoiceInput.Read(
            new Hashtable
            {
                ["id"] = "INV-1",
                ["date"] = "2024-05-01",
                ["invoiceTotal"] = new Hashtable { ["amount"] = "23.80", ["currencyCode"] = "EUR" },
                ["paymentTerms"] = new Hashtable { ["type"] = "Basic", ["netDueDays"] = 30 },
                ["taxDetails"] = new object[] { new Hashtable { ["taxType"] = "VAT", ["taxRate"] = "19", ["taxAmount"] = new Hashtable { ["amount"] = "3.80", ["currencyCode"] = "EUR" } } },
                ["items"] = new object[]
                {
                    new Hashtable { ["itemSequenceNumber"] = 1, ["amazonProductIdentifier"] = "B0001", ["invoicedQuantity"] = new Hashtable { ["amount"] = 2, ["unitOfMeasure"] = "Each" }, ["netCost"] = new Hashtable { ["amount"] = "10.00", ["currencyCode"] = "EUR" } },
                    new Hashtable { ["itemSequenceNumber"] = 2, ["vendorProductIdentifier"] = "V-2" },
                },
            },
            InvoiceApi.Vendor);

        var invoice = Assert.IsType<VendorInvoice>(result.Invoice);
        Assert.Equal("1: 2 Each B0001 at 10.00 EUR; 2: V-2", invoice.Items!.ToString());
        Assert.Equal("VAT rate 19: 3.80 EUR", invoice.TaxDetails!.ToString());
        Assert.Equal("Basic, net 30 days", invoice.PaymentTerms!.ToString());
    }

    [Fact]
    public void DatesReadAsTheModelsDaysWhateverTheCulturesCalendar()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH"); // Buddhist calendar: 2026 is 2569
        try
        {
            var period = new SpApi.Core.Apis.FinancesInvoices.BillingPeriod { StartDate = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), EndDate = new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero) };

            Assert.Equal("2026-06-01 to 2026-06-30", period.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void TheListsOfTheModulesOwnResultsAreReadable()
    {
        var error = new TransactionError("INVALID_INVOICE_TOTAL", "Wrong total.", null, "INV-1");
        var status = new VendorTransactionStatus("T-1", InvoiceApi.Vendor, "Failure", new List<TransactionError> { error }, new List<string> { "INV-1", "INV-2" }, DateTimeOffset.UtcNow);
        var submission = new VendorInvoiceSubmission("T-1", InvoiceApi.Vendor, new[] { "INV-1", "INV-2" }, DateTimeOffset.UtcNow);
        var tested = new VendorInvoiceTestResult(null, InvoiceApi.Vendor, new[] { new InvoiceProblem("id", "is required."), new InvoiceProblem("date", "is required.") }, null);
        var export = new InvoiceExport("E-1", new ExportInvoicesRequest { MarketplaceId = "A2Q3Y263D00KWC", Statuses = new List<string> { "AUTHORIZED", "REJECTED" } });

        Assert.Equal("INV-1: INVALID_INVOICE_TOTAL: Wrong total.", status.Errors.ToString());
        Assert.Equal("INV-1; INV-2", status.InvoiceIds.ToString());
        Assert.Equal("INV-1; INV-2", submission.InvoiceIds.ToString());
        Assert.Equal("id: is required.; date: is required.", tested.Problems.ToString());
        Assert.Equal("AUTHORIZED; REJECTED", export.Statuses.ToString());
    }

    // From the attributes' data: the tests run against PowerShellStandard.Library, whose OutputTypeAttribute is a stub.
    private static IEnumerable<Type> OutputTypes() => typeof(ConnectSpApiCommand).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute)))
        .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
        .Select(v => (Type)v.Value!)
        .Where(IsModel)
        .Concat(new[] { typeof(VendorInvoice), typeof(SpApi.Core.Apis.VendorDirectFulfillmentPayments.InvoiceDetail) }) // VendorInvoiceTestResult.Invoice is one of them
        .Distinct();

    // The results whose read-only list properties their constructors fill with readable lists (checked by
    // TheListsOfTheModulesOwnResultsAreReadable); any other type's list must be declared a ReadableList.
    private static readonly HashSet<Type> FilledByConstructor = new()
    {
        typeof(VendorTransactionStatus), typeof(VendorInvoiceSubmission), typeof(VendorInvoiceTestResult), typeof(InvoiceExport),
    };

    // A property is a CSV cell: a collection must be a readable list (or an interface the constructor fills with
    // one, checked above), and an object of the module's own must have its own ToString().
    private static void Walk(Type type, string path, List<string> unreadable, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var where = $"{path}.{property.Name}";
            if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                var filledByConstructor = propertyType.IsInterface && FilledByConstructor.Contains(type);
                if (!(propertyType.IsGenericType && (propertyType.GetGenericTypeDefinition() == typeof(ReadableList<>) || filledByConstructor)))
                {
                    unreadable.Add($"{where} is a {propertyType.Name}, whose text is its type name");
                }

                foreach (var item in propertyType.GetGenericArguments().Where(IsModel))
                {
                    Check(item, where + "[]", unreadable, seen);
                }
            }
            else if (IsModel(propertyType))
            {
                Check(propertyType, where, unreadable, seen);
            }
        }
    }

    private static void Check(Type type, string path, List<string> unreadable, HashSet<Type> seen)
    {
        if (type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != type)
        {
            unreadable.Add($"{path} is a {type.Name} without a ToString()");
        }

        Walk(type, path, unreadable, seen);
    }

    private static bool IsModel(Type type) => type.IsClass && type.Namespace?.StartsWith("SpApi.Core", StringComparison.Ordinal) == true;
}
