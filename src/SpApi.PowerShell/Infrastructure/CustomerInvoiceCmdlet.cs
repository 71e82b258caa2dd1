using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Http;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>What the customer-invoice cmdlets share: the API of the chosen version and fetching by purchase order.</summary>
public abstract class CustomerInvoiceCmdlet : ConnectedCmdlet
{
    /// <summary>The customer-invoice API of the given version ("2021-12-28" or "v1") over the connection in use.</summary>
    private protected CustomerInvoicesApi Api(string version) => new(Client, DirectFulfillmentVersion.Parse(version));

    /// <summary>
    /// Fetches each purchase order's invoice and hands it on. A malformed number (checked before any call)
    /// or a missing invoice is a non-terminating error and the others still run; other failures stop the command.
    /// </summary>
    private protected void ForEachPurchaseOrder(CustomerInvoicesApi api, IEnumerable<string> purchaseOrderNumbers, Action<CustomerInvoice> handle)
    {
        foreach (var purchaseOrderNumber in purchaseOrderNumbers)
        {
            CustomerInvoice invoice;
            try
            {
                CustomerInvoicesApi.ValidatePurchaseOrderNumber(purchaseOrderNumber, "PurchaseOrderNumber");
                invoice = RunCore((_, ct) => api.GetCustomerInvoiceAsync(purchaseOrderNumber, ct));
            }
            catch (Exception ex) when ((ex is ArgumentException && !PowerShellFailure.Is(ex)) || ex is SpApiException { Kind: SpApiFailureKind.NotFound })
            {
                WriteError(ToErrorRecord(ex, ErrorIds.InvalidPurchaseOrderNumber, purchaseOrderNumber));
                continue;
            }
            catch (Exception ex) when (!PowerShellFailure.Is(ex))
            {
                Terminate(ex, ErrorIds.InvalidPurchaseOrderNumber, purchaseOrderNumber);
                throw; // Not reached: ThrowTerminatingError always throws.
            }

            handle(invoice);
        }
    }

    /// <summary>The end of a range: the given time, or now.</summary>
    private protected static DateTimeOffset BeforeOrNow(DateTimeOffset? createdBefore) => createdBefore ?? DateTimeOffset.UtcNow;
}
