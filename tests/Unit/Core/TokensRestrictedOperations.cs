namespace SpApi.Tests.Core;

/// <summary>
/// The Tokens API's restricted-operation list (see tests/Models/README.md, "Restricted operations"), for the
/// APIs whose models are in tests/Models, as the model file, method, path and operationId of each. The
/// Tokens model itself does not carry the list, so it is written down once here for the tests to check the
/// operation table against.
/// </summary>
public static class TokensRestrictedOperations
{
    private const string ShippingV1 = "vendorDirectFulfillmentShippingV1.json";
    private const string Shipping2021 = "vendorDirectFulfillmentShipping_2021-12-28.json";
    private const string V1 = "/vendor/directFulfillment/shipping/v1";
    private const string V2021 = "/vendor/directFulfillment/shipping/2021-12-28";

    public static IReadOnlyList<(string ModelFile, string Method, string Path, string OperationId)> All { get; } = new[]
    {
        (ShippingV1, "GET", $"{V1}/shippingLabels", "getShippingLabels"),
        (ShippingV1, "GET", $"{V1}/shippingLabels/{{purchaseOrderNumber}}", "getShippingLabel"),
        (ShippingV1, "GET", $"{V1}/packingSlips", "getPackingSlips"),
        (ShippingV1, "GET", $"{V1}/packingSlips/{{purchaseOrderNumber}}", "getPackingSlip"),
        (ShippingV1, "GET", $"{V1}/customerInvoices", "getCustomerInvoices"),
        (ShippingV1, "GET", $"{V1}/customerInvoices/{{purchaseOrderNumber}}", "getCustomerInvoice"),
        (Shipping2021, "GET", $"{V2021}/shippingLabels/{{purchaseOrderNumber}}", "getShippingLabel"),
        (Shipping2021, "GET", $"{V2021}/packingSlips", "getPackingSlips"),
        (Shipping2021, "GET", $"{V2021}/packingSlips/{{purchaseOrderNumber}}", "getPackingSlip"),
        (Shipping2021, "GET", $"{V2021}/customerInvoices", "getCustomerInvoices"),
        (Shipping2021, "GET", $"{V2021}/customerInvoices/{{purchaseOrderNumber}}", "getCustomerInvoice"),
    };

    /// <summary>Whether the list holds this method and path: the pair a Restricted Data Token names.</summary>
    public static bool Contains(string method, string path) =>
        All.Any(o => o.Method == method && o.Path == path);
}
