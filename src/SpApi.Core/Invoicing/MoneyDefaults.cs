using System.Collections;
using System.Reflection;

namespace SpApi.Core.Invoicing;

/// <summary>Gives every amount without a currency the invoice's currency, for invoices built from parameters with -CurrencyCode.</summary>
public static class MoneyDefaults
{
    /// <summary>Sets currencyCode on every Money of the invoice that has an amount but no currency.</summary>
    public static void FillCurrency(object? node, string currencyCode)
    {
        switch (node)
        {
            case null or string:
                return;
            case IEnumerable list:
                foreach (var item in list)
                {
                    FillCurrency(item, currencyCode);
                }

                return;
        }

        var type = node.GetType();
        if (type.Namespace?.StartsWith("SpApi.Core.Apis", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (type.Name == "Money")
        {
            var currency = type.GetProperty("CurrencyCode")!;
            if (currency.GetValue(node) is null && type.GetProperty("Amount")!.GetValue(node) is not null)
            {
                currency.SetValue(node, currencyCode);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            FillCurrency(property.GetValue(node), currencyCode);
        }
    }
}
