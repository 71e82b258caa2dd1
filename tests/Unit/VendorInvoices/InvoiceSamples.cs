using System.Text.Json;
using System.Text.Json.Nodes;
using SpApi.Core.Invoicing;

namespace SpApi.Tests.VendorInvoices;

/// <summary>Valid invoices of both models as JSON, and a way to break one field of them.</summary>
internal static class InvoiceSamples
{
    // 10 × 3.10 + Freight 5.00 + VAT 5.89 = 41.89.
    public const string Vendor = """
        {
          "invoiceType": "Invoice", "id": "INV-1", "date": "2026-11-20T10:00:00Z",
          "remitToParty": {
            "partyId": "VENDR",
            "address": { "name": "Example Supplies GmbH", "addressLine1": "Hauptstrasse 1", "postalOrZipCode": "10115", "countryCode": "DE" },
            "taxRegistrationDetails": [ { "taxRegistrationType": "VAT", "taxRegistrationNumber": "DE123456789" } ]
          },
          "billToParty": { "partyId": "AMZN1" },
          "paymentTerms": { "type": "Basic", "netDueDays": 30 },
          "invoiceTotal": { "currencyCode": "EUR", "amount": "41.89" },
          "items": [ {
            "itemSequenceNumber": 1, "purchaseOrderNumber": "3KL4T0WD",
            "invoicedQuantity": { "amount": 10, "unitOfMeasure": "Eaches" },
            "netCost": { "currencyCode": "EUR", "amount": "3.10" },
            "taxDetails": [ { "taxType": "VAT", "taxRate": "0.19", "taxAmount": { "currencyCode": "EUR", "amount": "5.89" } } ],
            "chargeDetails": [ { "type": "Freight", "chargeAmount": { "currencyCode": "EUR", "amount": "5.00" } } ]
          } ]
        }
        """;

    // 2 × 49.95 + VAT 18.98 = 118.88.
    public const string DirectFulfillment = """
        {
          "invoiceNumber": "DF-1", "invoiceDate": "2026-11-20T10:00:00Z",
          "remitToParty": {
            "partyId": "VENDR",
            "address": { "name": "Example Supplies GmbH", "addressLine1": "Hauptstrasse 1", "city": "Berlin", "stateOrRegion": "BE", "postalCode": "10115", "countryCode": "DE" },
            "taxRegistrationDetails": [ { "taxRegistrationType": "VAT", "taxRegistrationNumber": "DE123456789" } ]
          },
          "shipFromParty": { "partyId": "ABCD" },
          "shipToCountryCode": "DE",
          "invoiceTotal": { "currencyCode": "EUR", "amount": "118.88" },
          "taxTotals": [ { "taxType": "VAT", "taxRate": "0.19", "taxAmount": { "currencyCode": "EUR", "amount": "18.98" } } ],
          "items": [ {
            "itemSequenceNumber": "1", "purchaseOrderNumber": "1A2B3C4D",
            "invoicedQuantity": { "amount": 2, "unitOfMeasure": "Each" },
            "netCost": { "currencyCode": "EUR", "amount": "49.95" }
          } ]
        }
        """;

    public static string Of(InvoiceApi api) => api == InvoiceApi.DirectFulfillment ? DirectFulfillment : Vendor;

    /// <summary>The sample with edits: path → new JSON value, or null to remove the field.</summary>
    public static object? Plain(InvoiceApi api, params (string Path, string? Json)[] edits) => Plain(Of(api), edits);

    public static object? Plain(string json, params (string Path, string? Json)[] edits)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var (path, value) in edits)
        {
            Edit(root, path, value);
        }

        using var document = JsonDocument.Parse(root.ToJsonString());
        return PlainTree.FromJson(document.RootElement);
    }

    /// <summary>The sample with edits, read and checked as Test-SpVendorInvoice does.</summary>
    public static VendorInvoiceTestResult Test(InvoiceApi api, params (string Path, string? Json)[] edits) =>
        InvoiceInput.Test(Plain(api, edits), api);

    private static void Edit(JsonNode root, string path, string? json)
    {
        var segments = path.Replace("[", ".[").Split('.');
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            node = Child(node, segments[i])!;
        }

        var last = segments[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (last.StartsWith('['))
        {
            var array = node.AsArray();
            var index = int.Parse(last.Trim('[', ']'));
            if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (json is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = value;
        }
    }

    private static JsonNode? Child(JsonNode node, string segment) =>
        segment.StartsWith('[') ? node[int.Parse(segment.Trim('[', ']'))] : node[segment];
}
