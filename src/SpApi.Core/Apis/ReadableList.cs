namespace SpApi.Core.Apis;

/// <summary>
/// A list whose text is its items, "a; b; c", where List's is its type name. Export-Csv and ConvertTo-Csv
/// write a property's ToString(), and PowerShell cannot change that from a types file, so the collections
/// of the module's output types are these: a CSV cell then holds the ids or values, not a type name.
/// </summary>
/// <typeparam name="T">The item type; its own ToString() is the text of one item.</typeparam>
public sealed class ReadableList<T> : List<T>
{
    /// <summary>Creates an empty list (the JSON serializer and the model reader fill it).</summary>
    public ReadableList()
    {
    }

    /// <summary>Creates a list of the given items.</summary>
    public ReadableList(IEnumerable<T> items)
        : base(items)
    {
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", this.Select(item => item?.ToString()).Where(text => !string.IsNullOrEmpty(text)));
}
