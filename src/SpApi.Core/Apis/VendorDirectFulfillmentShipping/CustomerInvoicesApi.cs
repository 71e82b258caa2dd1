using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SpApi.Core.Http;
using SpApi.Core.Operations;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>Typed calls of DF Shipping getCustomerInvoices and getCustomerInvoice (both restricted: the client adds the RDT).</summary>
public sealed class CustomerInvoicesApi
{
    // The model's ^[a-zA-Z0-9]+$ with \z for $: in .NET, $ also matches before a final newline, so "ABC123\n" would pass.
    private static readonly Regex PurchaseOrderNumberPattern = new(@"^[a-zA-Z0-9]+\z", RegexOptions.CultureInvariant);

    private readonly SpApiClient client;
    private readonly OperationDescriptor listOperation;
    private readonly OperationDescriptor getOperation;

    /// <summary>Creates the API for one version; the current one when none is given.</summary>
    public CustomerInvoicesApi(SpApiClient client, DirectFulfillmentVersion? version = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        (listOperation, getOperation) = version == DirectFulfillmentVersion.Legacy
            ? (SpApiOperations.GetCustomerInvoicesV1, SpApiOperations.GetCustomerInvoiceV1)
            : (SpApiOperations.GetCustomerInvoices, SpApiOperations.GetCustomerInvoice);
    }

    /// <summary>The connection it calls through (its clock places Amazon's look-back).</summary>
    internal SpApiClient Client => client;

    /// <summary>Streams every page of one window, following nextToken to the end; each page is checked (<see cref="CustomerInvoiceChecks"/>).</summary>
    public async IAsyncEnumerable<CustomerInvoiceList> GetCustomerInvoicePagesAsync(CustomerInvoicesQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.PageAsync<CustomerInvoiceList>(ListRequest(query), cancellationToken).ConfigureAwait(false))
        {
            yield return CustomerInvoiceChecks.Page(page, listOperation);
        }
    }

    /// <summary>Gets one page of one window: the first, or the one <paramref name="nextToken"/> points at.</summary>
    public async Task<CustomerInvoiceList> GetCustomerInvoicePageAsync(CustomerInvoicesQuery query, string? nextToken, CancellationToken cancellationToken)
    {
        var request = ListRequest(query);
        var page = await client.SendAsync<CustomerInvoiceList>(string.IsNullOrEmpty(nextToken) ? request : request.WithNextToken(nextToken!), cancellationToken).ConfigureAwait(false);
        return CustomerInvoiceChecks.Page(page, listOperation);
    }

    /// <summary>Gets the invoice of one purchase order; an answer for another one is an error.</summary>
    public async Task<CustomerInvoice> GetCustomerInvoiceAsync(string purchaseOrderNumber, CancellationToken cancellationToken)
    {
        ValidatePurchaseOrderNumber(purchaseOrderNumber, nameof(purchaseOrderNumber));
        var invoice = await client.SendAsync<CustomerInvoice>(
            new SpApiRequest(getOperation).WithPath("purchaseOrderNumber", purchaseOrderNumber), cancellationToken).ConfigureAwait(false);
        return CustomerInvoiceChecks.Answer(invoice, purchaseOrderNumber, getOperation);
    }

    private SpApiRequest ListRequest(CustomerInvoicesQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return new SpApiRequest(listOperation)
            .WithQuery("shipFromPartyId", query.ShipFromPartyId)
            .WithQuery("limit", query.PageSize)
            .WithQuery("createdAfter", query.CreatedAfter)
            .WithQuery("createdBefore", query.CreatedBefore)
            .WithQuery("sortOrder", query.SortOrder?.ToString());
    }

    /// <summary>Checks a purchase order number against the model's pattern ^[a-zA-Z0-9]+$ (a final newline does not pass).</summary>
    public static void ValidatePurchaseOrderNumber(string? purchaseOrderNumber, string parameterName)
    {
        if (!IsPurchaseOrderNumber(purchaseOrderNumber))
        {
            throw new ArgumentException(
                $"The purchase order number '{ServerText.Clean(purchaseOrderNumber)}' is not valid: it must contain only the letters a-z, A-Z and the digits 0-9 (pattern ^[a-zA-Z0-9]+$).",
                parameterName);
        }
    }

    /// <summary>True when the value matches the model's pattern ^[a-zA-Z0-9]+$, with nothing after it.</summary>
    public static bool IsPurchaseOrderNumber(string? purchaseOrderNumber) =>
        purchaseOrderNumber is not null && PurchaseOrderNumberPattern.IsMatch(purchaseOrderNumber);
}
