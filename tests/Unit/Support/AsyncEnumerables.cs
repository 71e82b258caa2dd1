namespace SpApi.Tests.Support;

/// <summary>Reads a whole async stream, for assertions on everything it yielded.</summary>
public static class AsyncEnumerables
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
