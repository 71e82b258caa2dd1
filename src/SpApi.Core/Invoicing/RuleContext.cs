using System.Globalization;
using System.Text.RegularExpressions;

namespace SpApi.Core.Invoicing;

/// <summary>The checks both invoice models share, collecting every problem with its path.</summary>
internal sealed class RuleContext
{
    private static readonly Regex CurrencyCode = new("^[A-Z]{3}$", RegexOptions.CultureInvariant);
    private static readonly Regex CountryCode = new("^[A-Z]{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex PurchaseOrderNumber = new("^[A-Za-z0-9]{8}$", RegexOptions.CultureInvariant);

    private readonly List<(string Path, string Code)> currencies = new();

    public List<InvoiceProblem> Problems { get; } = new();

    public void Add(string path, string message) => Problems.Add(new InvoiceProblem(path, message));

    /// <summary>Adds "is required" when the value is missing (or blank text); true when present.</summary>
    public bool Required(object? value, string path, string why = "is required by the model")
    {
        if (value is null || (value is string text && text.Trim().Length == 0))
        {
            Add(path, why + ".");
            return false;
        }

        return true;
    }

    /// <summary>A required list with at least one entry.</summary>
    public bool RequiredList<T>(IReadOnlyCollection<T>? list, string path)
    {
        if (list is null || list.Count == 0)
        {
            Add(path, "is required by the model and needs at least one entry.");
            return false;
        }

        return true;
    }

    /// <summary>An enum of the model, compared exactly (case matters to Amazon).</summary>
    public void OneOf(string? value, string path, IReadOnlyCollection<string> allowed, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(path, $"is required; one of {string.Join(", ", allowed)}.");
            }

            return;
        }

        if (!allowed.Contains(value))
        {
            var hint = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            Add(path, $"'{value}' is not one of the model's values: {string.Join(", ", allowed)}.{(hint is null ? string.Empty : $" Did you mean '{hint}'? Case matters.")}");
        }
    }

    /// <summary>An ISO 3166-1 alpha-2 country code: two capital letters.</summary>
    public void Country(string? value, string path, bool required)
    {
        if (value is null ? required && Required(value, path) : !CountryCode.IsMatch(value))
        {
            Add(path, $"'{value}' is not a two-letter ISO 3166-1 alpha-2 country code such as US or DE, as the models require.");
        }
    }

    /// <summary>Money: both fields, a three-letter currency, and the currency noted for the one-currency check.</summary>
    public void Money(string? currency, decimal? amount, string path, bool required, bool positive = false)
    {
        if (currency is null && amount is null)
        {
            if (required)
            {
                Required(null, path);
            }

            return;
        }

        Required(amount, path + ".amount", "is required: an amount of money needs both amount and currencyCode");
        if (Required(currency, path + ".currencyCode", "is required: an amount of money needs both amount and currencyCode"))
        {
            if (!CurrencyCode.IsMatch(currency!))
            {
                Add(path + ".currencyCode", $"'{currency}' is not a three-letter ISO 4217 currency code such as USD or EUR.");
            }
            else
            {
                currencies.Add((path + ".currencyCode", currency!));
            }
        }

        if (positive && amount <= 0)
        {
            Add(path + ".amount", $"{amount?.ToString(CultureInfo.InvariantCulture)} must be greater than zero (the model: price information should not be zero or negative).");
        }
    }

    /// <summary>An 8-character alphanumeric purchase order number, as the models' formatting notes say.</summary>
    public void PurchaseOrder(string? value, string path)
    {
        if (value is not null && !PurchaseOrderNumber.IsMatch(value))
        {
            Add(path, $"'{value}' is not an Amazon purchase order number: 8 letters or digits (the model's formatting notes).");
        }
    }

    /// <summary>An HSN code: the models say it cannot contain letters.</summary>
    public void HsnCode(string? value, string path)
    {
        if (value is not null && value.Any(char.IsLetter))
        {
            Add(path, $"'{value}' contains letters; the model says an HSN code cannot.");
        }
    }

    /// <summary>A quantity greater than zero.</summary>
    public void PositiveQuantity(int? amount, string path)
    {
        if (Required(amount, path) && amount <= 0)
        {
            Add(path, $"{amount} must be greater than zero (the model: quantity must be greater than zero).");
        }
    }

    /// <summary>Line numbers must be unique within the invoice.</summary>
    public void UniqueSequenceNumbers(IEnumerable<string?> numbers, string itemsPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var number in numbers)
        {
            if (number is not null && !seen.Add(number))
            {
                Add($"{itemsPath}[{index}].itemSequenceNumber", $"{number} is used by an earlier line; each line needs its own number.");
            }

            index++;
        }
    }

    /// <summary>The entries of an optional list, each with its path: taxDetails[0], taxDetails[1]...</summary>
    public static IEnumerable<(T Entry, string Path)> Indexed<T>(IReadOnlyList<T>? list, string path) =>
        (list ?? Array.Empty<T>()).Select((entry, i) => (entry, $"{path}[{i}]"));

    /// <summary>A tax of either model: the type from the shared enum, the amount, the taxable amount, a rate that is not negative.</summary>
    public void Tax(string? taxType, decimal? taxRate, string? currency, decimal? amount, string? taxableCurrency, decimal? taxableAmount, string path)
    {
        OneOf(taxType, path + ".taxType", VendorInvoiceRules.TaxTypes, required: true);
        Money(currency, amount, path + ".taxAmount", required: true);
        Money(taxableCurrency, taxableAmount, path + ".taxableAmount", required: false);
        if (taxRate < 0)
        {
            Add(path + ".taxRate", $"{taxRate} must not be negative.");
        }
    }

    /// <summary>A charge or an allowance: its type from the model's enum, and its amount (chargeAmount or allowanceAmount).</summary>
    public void Adjustment(string? type, IReadOnlyCollection<string> types, string? currency, decimal? amount, string path, string amountName)
    {
        OneOf(type, path + ".type", types, required: true);
        Money(currency, amount, $"{path}.{amountName}", required: true);
    }

    /// <summary>Additional details: a type from the model's enum, and the detail.</summary>
    public void AdditionalDetail(string? type, string? detail, IReadOnlyCollection<string> types, string path)
    {
        OneOf(type, path + ".type", types, required: true);
        Required(detail, path + ".detail");
    }

    /// <summary>Every amount of the invoice must be in the invoice total's currency.</summary>
    public void OneCurrency(string? totalCurrency)
    {
        var expected = totalCurrency ?? currencies.FirstOrDefault().Code;
        foreach (var (path, code) in currencies.Where(c => c.Code != expected))
        {
            Add(path, $"'{code}' differs from the invoice's currency '{expected}'; an invoice has one currency.");
        }
    }
}
