using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>
/// What the module checks in customer invoices from the server before it trusts them: every entry of a page
/// is an invoice, its purchase order number matches the model's pattern (file names are made from it) and it
/// has content; a single invoice is the one that was asked for. Anything else is
/// <see cref="SpApiFailureKind.InvalidResponse"/>, never a NullReferenceException or a file under another name.
/// </summary>
internal static class CustomerInvoiceChecks
{
    /// <summary>Checks each entry of a page; a missing list is an empty page (the model does not require it).</summary>
    public static CustomerInvoiceList Page(CustomerInvoiceList page, OperationDescriptor operation)
    {
        page.CustomerInvoices ??= new ReadableList<CustomerInvoice>();
        for (var i = 0; i < page.CustomerInvoices.Count; i++)
        {
            var invoice = page.CustomerInvoices[i] ?? throw Invalid(operation, $"a page whose customerInvoices[{i}] is null instead of an invoice");
            Invoice(invoice, operation, $"customerInvoices[{i}]");
        }

        return page;
    }

    /// <summary>Checks the answer to a request for one purchase order: it must be that order's invoice.</summary>
    public static CustomerInvoice Answer(CustomerInvoice invoice, string requested, OperationDescriptor operation)
    {
        Invoice(invoice, operation, "the invoice");
        if (!string.Equals(invoice.PurchaseOrderNumber, requested, StringComparison.Ordinal))
        {
            throw Invalid(operation, $"the invoice of purchase order {invoice.PurchaseOrderNumber} when asked for purchase order {requested}; it was not used");
        }

        return invoice;
    }

    private static void Invoice(CustomerInvoice invoice, OperationDescriptor operation, string where)
    {
        if (!CustomerInvoicesApi.IsPurchaseOrderNumber(invoice.PurchaseOrderNumber))
        {
            throw Invalid(operation, $"{where} with the purchase order number '{ServerText.Clean(invoice.PurchaseOrderNumber)}', which does not match the model's pattern ^[a-zA-Z0-9]+$; no file name is made from it");
        }

        if (invoice.Content is null)
        {
            throw Invalid(operation, $"{where} (purchase order {invoice.PurchaseOrderNumber}) without the content the model requires");
        }
    }

    private static SpApiException Invalid(OperationDescriptor operation, string what) =>
        new($"{operation.Name} returned {what}.", operation.Name, SpApiFailureKind.InvalidResponse);
}
