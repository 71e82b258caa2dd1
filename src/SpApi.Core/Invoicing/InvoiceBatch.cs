using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Operations;

namespace SpApi.Core.Invoicing;

/// <summary>The invoices of one submit request, all for the same API.</summary>
public sealed class InvoiceBatch
{
    internal InvoiceBatch(InvoiceApi api, List<object> invoices, List<string> invoiceIds)
    {
        Api = api;
        Invoices = invoices;
        InvoiceIds = invoiceIds;
    }

    /// <summary>The API the batch goes to.</summary>
    public InvoiceApi Api { get; }

    /// <summary>The model invoices (Invoice or InvoiceDetail).</summary>
    public IReadOnlyList<object> Invoices { get; }

    /// <summary>Their numbers, in order.</summary>
    public IReadOnlyList<string> InvoiceIds { get; }

    /// <summary>The submit operation of the batch's API.</summary>
    public OperationDescriptor Operation =>
        Api == InvoiceApi.DirectFulfillment ? SpApiOperations.SubmitDirectFulfillmentInvoice : SpApiOperations.SubmitVendorInvoices;

    /// <summary>What -WhatIf and -Confirm show: each invoice number with its total.</summary>
    public string Describe() =>
        $"{Invoices.Count} invoice(s): " + string.Join(", ", Invoices.Select(i => $"{InvoiceInput.IdOf(i)} ({TotalOf(i)})"));

    private static string TotalOf(object invoice) => invoice switch
    {
        Invoice vendor => vendor.InvoiceTotal?.ToString(),
        InvoiceDetail directFulfillment => directFulfillment.InvoiceTotal?.ToString(),
        _ => null,
    } ?? "no total";
}
