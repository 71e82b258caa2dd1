using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Auth;
using SpApi.Core.Diagnostics;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Security;
using SpApi.Core.Workflows;
using SpApi.Sandbox;
using SpApi.Tests.Support;

namespace SpApi.Tests.RequestPath;

/// <summary>Core part 8 (diagnostics): no secret ever appears in logs, exceptions or ToString().</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task NoSecretAppearsInDebugLogsExceptionsOrToString()
    {
        await using var sandbox = await SandboxHarness.StartAsync(RateLimitTests.UseInvoices(30));
        var log = new CapturingLog();
        var texts = new List<string>();
        var client = sandbox.Client(log, maxRetries: 2);
        var api = new CustomerInvoicesApi(client);

        // Paging, the RDT, retries after faults, an expired-token refresh, and failures of every kind.
        await api.GetCustomerInvoicePagesAsync(RateLimitTests.Window(limit: 3), CancellationToken.None).ToListAsync();
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 1, "getCustomerInvoice");
        sandbox.State.Faults.Inject(FaultKind.ConnectionReset, 1, "getCustomerInvoice");
        await api.GetCustomerInvoiceAsync("PO00000001", CancellationToken.None);
        sandbox.State.Tokens.ExpireAll();
        texts.Add((await api.GetCustomerInvoiceAsync("PO00000002", CancellationToken.None)).ToString());
        texts.Add(Describe(await Record(() => api.GetCustomerInvoiceAsync("PO99999999", CancellationToken.None))));
        sandbox.State.Faults.Inject(FaultKind.InternalServerError, 10, "createRestrictedDataToken");
        sandbox.State.Tokens.ExpireAll();
        texts.Add(Describe(await Record(() => api.GetCustomerInvoiceAsync("PO00000003", CancellationToken.None))));

        // Submissions: one accepted and followed, one whose answer is lost after processing, one rejected.
        var invoicing = new VendorInvoicingApi(client);
        var submission = new InvoiceSubmission(invoicing, TimeProvider.System);
        var sent = (await submission.SendAsync(OneInvoice("INV-S1"), CancellationToken.None))!;
        texts.Add(sent.ToString());
        texts.Add((await TransactionWaiter.GetAsync(invoicing, new TransactionWatch(sent.TransactionId, sent.Api, sent.InvoiceIds), new TransactionWaitOptions(), TimeProvider.System, CancellationToken.None)).ToString());
        sandbox.State.Faults.Inject(FaultKind.ResetAfterProcessing, 1, "submitInvoices");
        texts.Add(Describe(await Record(() => submission.SendAsync(OneInvoice("INV-S2"), CancellationToken.None))));
        texts.Add(Describe(await Record(() => new InvoiceSubmission(invoicing, TimeProvider.System).SendAsync(OneInvoice("INV-S3", countryCode: "USA"), CancellationToken.None))));

        var badSecret = LwaCredentials.ForRefreshToken(SandboxCredentials.ClientId, new SpApiSecret("amzn1.oa2-cs.v1.not-the-secret"), new SpApiSecret(SandboxCredentials.RefreshToken));
        texts.Add(Describe(await Record(() => sandbox.Client(log, credentials: badSecret).VerifyCredentialsAsync(CancellationToken.None))));
        texts.Add(badSecret.ToString());
        texts.Add(SandboxHarness.Credentials().ToString());
        texts.Add(new SpApiSecret(SandboxCredentials.ClientSecret).ToString());
        texts.Add(client.ToString()!);

        Assert.Contains(log.Events, e => e.Level == SpApiLogLevel.Debug && e.Message.Contains("x-amz-access-token: [redacted]"));
        var secrets = sandbox.State.Tokens.IssuedValues
            .Concat(new[] { SandboxCredentials.ClientSecret, SandboxCredentials.RefreshToken, "amzn1.oa2-cs.v1.not-the-secret" })
            .ToList();
        Assert.True(secrets.Count > 5, "the scenario should have issued several tokens");
        var everything = string.Join("\n", texts) + "\n" + log.AllText();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    [Fact]
    public async Task NoSecretIsWrittenToAnyFile()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var client = sandbox.Client(new CapturingLog());
        var folder = Directory.CreateTempSubdirectory("spapi-hygiene-").FullName;
        try
        {
            // A sync (PDFs, state, lock) and a Tax Invoices export (zips, XML, manifest) into the same folder.
            await CustomerInvoiceSync.RunAsync(
                new CustomerInvoicesApi(client), new CustomerInvoiceSyncOptions { Folder = folder, Since = DateTimeOffset.UtcNow.AddDays(-7) },
                TimeProvider.System, _ => { }, null, CancellationToken.None);
            var taxInvoices = new SpApi.Core.Apis.TaxInvoices.TaxInvoicesApi(client);
            var exportId = await taxInvoices.CreateInvoicesExportAsync(new SpApi.Core.Apis.TaxInvoices.ExportInvoicesRequest { MarketplaceId = "A2Q3Y263D00KWC" }, CancellationToken.None);
            sandbox.State.Options.ExportDelay = TimeSpan.Zero;
            await InvoiceExportReceiver.ReceiveAsync(taxInvoices, exportId, new InvoiceExportReceiveOptions { Folder = folder }, TimeProvider.System, null, CancellationToken.None).ToListAsync();

            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith(".pdf", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith(".xml", StringComparison.Ordinal));
            var secrets = sandbox.State.Tokens.IssuedValues.Concat(new[] { SandboxCredentials.ClientSecret, SandboxCredentials.RefreshToken }).ToList();
            foreach (var file in files)
            {
                var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file));
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("token Atza|IwEBIA-secret-value used", "token Atza|[redacted] used")]
    [InlineData("{\"restrictedDataToken\":\"Atz.sprdt|abc\"}", "{\"restrictedDataToken\":\"Atz.sprdt|[redacted]\"}")]
    [InlineData("refresh_token=Atzr|xyz&client_secret=amzn1.oa2-cs.v1.abc", "refresh_token=Atzr|[redacted]&client_secret=amzn1.oa2-cs.[redacted]")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void TheRedactorRemovesTokenShapedValues(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Fact]
    public void ExceptionMessagesAreRedacted()
    {
        var error = new SpApiException("server said Atza|leaked", "op", SpApiFailureKind.InvalidResponse, details: "again Atza|leaked");

        Assert.DoesNotContain("leaked", error.Message);
        Assert.DoesNotContain("leaked", error.Details);
        Assert.DoesNotContain("leaked", error.ToString());
    }

    private static InvoiceBatch OneInvoice(string id, string countryCode = "DE")
    {
        var invoice = VendorInvoices.InvoiceBatcherTests.Vendor(id);
        invoice.RemitToParty!.Address!.CountryCode = countryCode;
        var batcher = new InvoiceBatcher();
        batcher.Add(invoice);
        return batcher.Flush().Single();
    }

    private static async Task<Exception> Record(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("the call was expected to fail");
    }

    private static string Describe(Exception exception) =>
        exception is SpApiException sp ? $"{sp}\n{sp.Details}\n{string.Join(";", sp.Errors)}" : exception.ToString();
}
