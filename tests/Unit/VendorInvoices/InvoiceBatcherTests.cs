using SpApi.Core.Apis.VendorDirectFulfillmentPayments;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Operations;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>How invoices are packed into requests: by count, by body size, one API per request, no number twice.</summary>
public sealed class InvoiceBatcherTests
{
    [Fact]
    public void BatchesCloseAtTheirSizeAndTheRestComesWithFlush()
    {
        var batcher = new InvoiceBatcher(maxInvoices: 2);

        var closed = Enumerable.Range(1, 5).SelectMany(i => batcher.Add(Vendor($"INV-{i}"))).ToList();
        var rest = batcher.Flush();

        Assert.Equal(new[] { new[] { "INV-1", "INV-2" }, new[] { "INV-3", "INV-4" } }, closed.Select(b => b.InvoiceIds.ToArray()));
        Assert.Equal(new[] { "INV-5" }, Assert.Single(rest).InvoiceIds);
        Assert.Empty(batcher.Flush());
    }

    [Fact]
    public void ABatchClosesBeforeItsBodyWouldPassTheCeiling()
    {
        var size = VendorInvoicingApi.SizeOf(Vendor("INV-1"));
        var batcher = new InvoiceBatcher(maxInvoices: 50, maxBodyBytes: (3 * size) + 20);

        var closed = Enumerable.Range(1, 7).SelectMany(i => batcher.Add(Vendor($"INV-{i}"))).ToList();
        closed.AddRange(batcher.Flush());

        Assert.Equal(new[] { 3, 3, 1 }, closed.Select(b => b.Invoices.Count));
        Assert.All(closed, b => Assert.True(new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(new SubmitInvoicesRequest { Invoices = b.Invoices.Cast<Invoice>().ToList() }).Body!.Length <= (3 * size) + 20));
    }

    [Fact]
    public void AnInvoiceLargerThanTheCeilingGoesAlone()
    {
        var batcher = new InvoiceBatcher(maxInvoices: 50, maxBodyBytes: 10);

        var closed = new[] { "A", "B" }.SelectMany(id => batcher.Add(Vendor(id))).ToList();
        closed.AddRange(batcher.Flush());

        Assert.Equal(new[] { 1, 1 }, closed.Select(b => b.Invoices.Count));
    }

    [Fact]
    public void VendorAndDirectFulfillmentInvoicesNeverShareARequest()
    {
        var batcher = new InvoiceBatcher(maxInvoices: 2);

        var closed = batcher.Add(Vendor("INV-1")).Concat(batcher.Add(DirectFulfillment("DF-1"))).Concat(batcher.Add(Vendor("INV-2"))).ToList();
        var rest = batcher.Flush();

        var vendor = Assert.Single(closed);
        Assert.Equal(InvoiceApi.Vendor, vendor.Api);
        Assert.Equal(new[] { "INV-1", "INV-2" }, vendor.InvoiceIds);
        Assert.Equal(InvoiceApi.DirectFulfillment, Assert.Single(rest).Api);
        Assert.Equal(new[] { "DF-1" }, rest[0].InvoiceIds);
    }

    [Fact]
    public void TheSameInvoiceNumberTwiceIsRefusedButTheOtherApiMayUseIt()
    {
        var batcher = new InvoiceBatcher();
        batcher.Add(Vendor("INV-1"));
        batcher.Add(DirectFulfillment("INV-1"));

        var error = Assert.Throws<DuplicateInvoiceException>(() => batcher.Add(Vendor("INV-1")));

        Assert.Equal("INV-1", error.InvoiceId);
        Assert.Equal(new[] { 1, 1 }, batcher.Flush().Select(b => b.Invoices.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void TheBatchSizeIsFromOneToAHundred(int size) =>
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new InvoiceBatcher(size)).ParamName);

    internal static Invoice Vendor(string id) =>
        (Invoice)InvoiceInput.Read(InvoiceSamples.Plain(InvoiceApi.Vendor, ("id", $"\"{id}\"")), InvoiceApi.Vendor).Invoice!;

    internal static InvoiceDetail DirectFulfillment(string id) =>
        (InvoiceDetail)InvoiceInput.Read(InvoiceSamples.Plain(InvoiceApi.DirectFulfillment, ("invoiceNumber", $"\"{id}\"")), InvoiceApi.DirectFulfillment).Invoice!;
}
