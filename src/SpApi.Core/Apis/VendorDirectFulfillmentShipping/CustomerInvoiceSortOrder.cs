namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>Sort order by order creation date.</summary>
public enum CustomerInvoiceSortOrder
{
    /// <summary>Oldest first.</summary>
    ASC,

    /// <summary>Newest first.</summary>
    DESC,
}
