using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Files;
using SpApi.Core.Invoicing;
using SpApi.Tests.Support;

namespace SpApi.Tests.BadInput;

/// <summary>
/// Issue 14 items 5 and 7: input that looks right but is not: a purchase order number with a final newline,
/// a purchase order that is a Windows device name, and a JSON invoice file with the same key twice.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("ABC123\n")]
    [InlineData("ABC123\r\n")]
    [InlineData("\nABC123")]
    public async Task APurchaseOrderNumberWithANewlineIsRefusedBeforeAnythingIsSent(string number)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new CustomerInvoicesApi(sandbox.Client()).GetCustomerInvoiceAsync(number, CancellationToken.None));

        Assert.Equal("purchaseOrderNumber", error.ParamName);
        Assert.Contains("^[a-zA-Z0-9]+$", error.Message);
        Assert.Equal(0, sandbox.Counters.Requests);
        Assert.Throws<ArgumentException>(() => CustomerInvoiceFiles.PathFor(folder, number));
    }

    [Theory]
    [InlineData("CON", "_CON.pdf")]
    [InlineData("nul", "_nul.pdf")]
    [InlineData("Aux", "_Aux.pdf")]
    [InlineData("PRN", "_PRN.pdf")]
    [InlineData("COM1", "_COM1.pdf")]
    [InlineData("lpt9", "_lpt9.pdf")]
    [InlineData("COM10", "COM10.pdf")]
    [InlineData("CONSOLE", "CONSOLE.pdf")]
    [InlineData("PO1", "PO1.pdf")]
    public void AWindowsDeviceNameIsMappedTheSameWayOnEveryOs(string number, string file)
    {
        Assert.Equal(Path.Combine(folder, file), CustomerInvoiceFiles.PathFor(folder, number));
    }

    [Fact]
    public void AnInvoiceForPurchaseOrderConIsSavedAsAFileNotToTheConsole()
    {
        var saved = CustomerInvoiceFiles.Save(new CustomerInvoice { PurchaseOrderNumber = "CON", Content = Convert.ToBase64String("%PDF-1.4 con"u8.ToArray()) }, folder, force: false);

        Assert.Equal(Path.Combine(folder, "_CON.pdf"), saved.Path);
        Assert.Equal("%PDF-1.4 con"u8.ToArray(), File.ReadAllBytes(saved.Path));
    }

    [Theory]
    [InlineData("""{"invoices": [{"id": "FIRST-ID", "id": "SECOND-ID"}]}""", "id", "$.invoices[0].id")]
    [InlineData("""[{"id": "A"}, {"id": "B", "ID": "C"}]""", "ID", "$[1].ID")]
    [InlineData("""{"id": "A", "remitToParty": {"partyId": "X", "address": {"city": "a", "city": "b"}}}""", "city", "$.remitToParty.address.city")]
    [InlineData("""{"invoices": [{"id": "A"}], "invoices": []}""", "invoices", "$.invoices")]
    public void AJsonFileWithTheSameKeyTwiceIsRefusedNamingTheKeyAndItsPath(string json, string key, string path)
    {
        var file = Path.Combine(folder, "dup.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<ArgumentException>(() => InvoiceInput.ReadFile(file));

        Assert.Equal("Path", error.ParamName);
        Assert.Contains($"\"{key}\"", error.Message);
        Assert.Contains(path, error.Message);
        var duplicate = Assert.IsType<DuplicateJsonKeyException>(error.InnerException);
        Assert.Equal((key, path), (duplicate.Key, duplicate.JsonPath));
    }

    [Fact]
    public void AKeyRepeatedInDifferentObjectsIsFine()
    {
        var file = Path.Combine(folder, "two.json");
        File.WriteAllText(file, """[{"id": "A", "items": [{"itemSequenceNumber": 1}, {"itemSequenceNumber": 2}]}, {"id": "B"}]""");

        Assert.Equal(2, InvoiceInput.ReadFile(file).Count);
    }
}
