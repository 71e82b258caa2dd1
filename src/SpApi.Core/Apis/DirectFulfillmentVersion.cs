namespace SpApi.Core.Apis;

/// <summary>
/// A version of the Direct Fulfillment APIs (Shipping customer invoices, Transaction Status) with its wire
/// string: 2021-12-28, which the docs call current, or v1, which they call legacy.
/// </summary>
public sealed class DirectFulfillmentVersion
{
    /// <summary>The wire string of the current version, a constant so PowerShell attributes can name it.</summary>
    public const string CurrentName = "2021-12-28";

    /// <summary>The wire string of the legacy version, a constant so PowerShell attributes can name it.</summary>
    public const string LegacyName = "v1";

    /// <summary>2021-12-28, the current version (no payload envelope).</summary>
    public static readonly DirectFulfillmentVersion Current = new(CurrentName);

    /// <summary>v1, the legacy version (payload envelope).</summary>
    public static readonly DirectFulfillmentVersion Legacy = new(LegacyName);

    /// <summary>Every version, current first.</summary>
    public static readonly IReadOnlyList<DirectFulfillmentVersion> All = new[] { Current, Legacy };

    private DirectFulfillmentVersion(string name) => Name = name;

    /// <summary>The wire string, as it appears in the operation's path.</summary>
    public string Name { get; }

    /// <summary>
    /// The version a wire string names, ignoring case as PowerShell's ValidateSet does; anything else is an
    /// ArgumentException for <paramref name="parameterName"/> that lists the versions.
    /// </summary>
    public static DirectFulfillmentVersion Parse(string? name, string parameterName = "ApiVersion") =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{parameterName} must be one of {string.Join(", ", All)}, not '{name}'.", parameterName);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
