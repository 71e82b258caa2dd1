using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Files;
using SpApi.Sandbox;

namespace SpApi.Tests.CustomerInvoices;

/// <summary>Save-SpCustomerInvoice's file rules: decoded PDFs, skip identical, refuse changed, never a partial file.</summary>
public sealed class CustomerInvoiceFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-invoices-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AnInvoiceIsWrittenAsItsDecodedPdf()
    {
        var result = CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: false);

        Assert.Equal(InvoiceSaveOutcome.Written, result.Outcome);
        Assert.Equal(Path.Combine(folder, "PO1.pdf"), result.Path);
        Assert.Equal(SandboxInvoice.Pdf("PO1"), File.ReadAllBytes(result.Path));
    }

    [Fact]
    public void AnIdenticalFileIsSkippedAndLeftUntouched()
    {
        var path = CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: false).Path;
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddDays(-1));

        var result = CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: false);

        Assert.Equal(InvoiceSaveOutcome.Unchanged, result.Outcome);
        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void AChangedFileIsRefusedWithoutForceAndReplacedWithIt()
    {
        var path = Path.Combine(folder, "PO1.pdf");
        File.WriteAllBytes(path, SandboxInvoice.Pdf("an older version"));

        var error = Assert.Throws<InvoiceFileConflictException>(() => CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: false));
        Assert.Contains("-Force", error.Message);
        Assert.Equal(SandboxInvoice.Pdf("an older version"), File.ReadAllBytes(path));

        Assert.Equal(InvoiceSaveOutcome.Replaced, CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: true).Outcome);
        Assert.Equal(SandboxInvoice.Pdf("PO1"), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("base 64 content goes here", "not valid Base64")]
    [InlineData("SGVsbG8gd29ybGQ=", "not a PDF")]
    public void ContentThatIsNotABase64PdfIsRefusedAndNothingIsWritten(string content, string message)
    {
        var invoice = new CustomerInvoice { PurchaseOrderNumber = "PO1", Content = content };

        var error = Assert.Throws<InvalidInvoiceContentException>(() => CustomerInvoiceFiles.Save(invoice, folder, force: false));

        Assert.Contains(message, error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void AWriteThatFailsLeavesNoFileBehind()
    {
        // The rename fails because a folder has the invoice's name: the temporary file must go too.
        Directory.CreateDirectory(Path.Combine(folder, "PO1.pdf"));

        Assert.ThrowsAny<IOException>(() => CustomerInvoiceFiles.Save(Invoice("PO1"), folder, force: true));

        Assert.Equal(new[] { Path.Combine(folder, "PO1.pdf") }, Directory.GetFileSystemEntries(folder));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("../PO1")]
    [InlineData("PO1.pdf")]
    [InlineData("")]
    public void APurchaseOrderNumberThatIsNotAFileNameIsRefused(string purchaseOrderNumber) =>
        Assert.Throws<ArgumentException>(() => CustomerInvoiceFiles.Save(new CustomerInvoice { PurchaseOrderNumber = purchaseOrderNumber, Content = Invoice("PO1").Content }, folder, force: false));

    internal static CustomerInvoice Invoice(string purchaseOrderNumber) =>
        new() { PurchaseOrderNumber = purchaseOrderNumber, Content = Convert.ToBase64String(SandboxInvoice.Pdf(purchaseOrderNumber)) };
}
