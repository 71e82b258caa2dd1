using System.Management.Automation;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Gives an enum-like string parameter the spelling the API expects, whatever case it was typed in.
/// ValidateSet accepts "rejected" for "REJECTED" but passes it on as typed; this runs before it and puts the
/// listed spelling in its place. Pair it with a ValidateSet of the same values, which refuses any other value
/// and completes them (CmdletMetadataTests checks that the two agree).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CanonicalSpellingAttribute : ArgumentTransformationAttribute
{
    /// <summary>Names the spellings to send.</summary>
    public CanonicalSpellingAttribute(params string[] spellings) => Spellings = spellings;

    /// <summary>The spellings to send.</summary>
    public IReadOnlyList<string> Spellings { get; }

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Spell(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);

    /// <summary>The listed spelling of a value (or of each value of an array) in any case; anything else is left for ValidateSet to refuse.</summary>
    public object? Spell(object? value) => value switch
    {
        string text => Spellings.FirstOrDefault(s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase)) ?? text,
        // string[] too: arrays are covariant.
        object[] values => values.Select(v => Spell(v is PSObject item ? item.BaseObject : v)).ToArray(),
        _ => value,
    };
}
