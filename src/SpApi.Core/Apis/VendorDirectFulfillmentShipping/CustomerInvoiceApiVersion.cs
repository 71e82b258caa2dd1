namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>The versions of the customer-invoice operations.</summary>
public enum CustomerInvoiceApiVersion
{
    /// <summary>2021-12-28, the current version (no payload envelope).</summary>
    V2021_12_28,

    /// <summary>v1, the legacy version (payload envelope).</summary>
    V1,
}
