using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>The model's CustomerInvoice: a purchase order number and the invoice PDF as Base64.</summary>
public sealed class CustomerInvoice
{
    /// <summary>The purchase order number for this order.</summary>
    [JsonPropertyName("purchaseOrderNumber")]
    public string PurchaseOrderNumber { get; set; } = string.Empty;

    /// <summary>The Base64 customer invoice.</summary>
    [JsonPropertyName("content")]
    public string Content { get; set; } = string.Empty;

    /// <summary>The size of the decoded invoice in bytes, computed without decoding it.</summary>
    [JsonIgnore]
    public long Size
    {
        get
        {
            var length = Content.Length;
            if (length == 0)
            {
                return 0;
            }

            var padding = Content.EndsWith("==", StringComparison.Ordinal) ? 2 : Content.EndsWith("=", StringComparison.Ordinal) ? 1 : 0;
            return (length / 4 * 3) - padding;
        }
    }

    /// <summary>Decodes the content. Throws FormatException when it is not valid Base64.</summary>
    public byte[] GetContentBytes() => Convert.FromBase64String(Content);

    /// <inheritdoc />
    public override string ToString() => $"{PurchaseOrderNumber} ({Size} bytes)";
}
