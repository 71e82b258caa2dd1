using System.Globalization;
using System.Text;
using System.Text.Json;
using SpApi.Core.Json;
using SpApi.Core.Operations;

namespace SpApi.Core.Http;

/// <summary>One call of an operation: its path values, query and JSON body.</summary>
public sealed class SpApiRequest
{
    private readonly Dictionary<string, string> pathValues;
    private readonly List<KeyValuePair<string, string>> query;

    /// <summary>Starts a request for the operation.</summary>
    public SpApiRequest(OperationDescriptor operation)
        : this(operation, new Dictionary<string, string>(StringComparer.Ordinal), new List<KeyValuePair<string, string>>(), null)
    {
    }

    private SpApiRequest(OperationDescriptor operation, Dictionary<string, string> pathValues, List<KeyValuePair<string, string>> query, byte[]? body)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        this.pathValues = pathValues;
        this.query = query;
        Body = body;
    }

    /// <summary>The operation.</summary>
    public OperationDescriptor Operation { get; }

    /// <summary>The UTF-8 JSON body, or null.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>Sets a {placeholder} of the path template.</summary>
    public SpApiRequest WithPath(string name, string value)
    {
        if (!Operation.PathTemplate.Contains("{" + name + "}"))
        {
            throw new ArgumentException($"{Operation.Name} has no path parameter {{{name}}}.", nameof(name));
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter {name} of {Operation.Name} must not be empty.", nameof(value));
        }

        pathValues[name] = value;
        return this;
    }

    /// <summary>Adds a query parameter; a null value is left out.</summary>
    public SpApiRequest WithQuery(string name, string? value)
    {
        if (value is not null)
        {
            query.RemoveAll(p => p.Key == name);
            query.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer query parameter; a null value is left out.</summary>
    public SpApiRequest WithQuery(string name, int? value) =>
        WithQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a date-time query parameter in ISO 8601 UTC; a null value is left out.</summary>
    public SpApiRequest WithQuery(string name, DateTimeOffset? value) =>
        WithQuery(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Sets the JSON body.</summary>
    public SpApiRequest WithJsonBody<T>(T body)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(body, SpApiJson.Options);
        return this;
    }

    /// <summary>The same request for the page that nextToken points at.</summary>
    internal SpApiRequest WithNextToken(string nextToken) =>
        new SpApiRequest(Operation, pathValues, new List<KeyValuePair<string, string>>(query), Body).WithQuery("nextToken", nextToken);

    /// <summary>
    /// The query as -Verbose shows it: every parameter, unencoded so a date reads as a date, with a nextToken cut
    /// to its first <see cref="ShownTokenLength"/> characters (it is long, and the server's) and control
    /// characters removed. Null when there is none. SP-API never puts a credential in a query: tokens travel
    /// in headers, which are never shown.
    /// </summary>
    internal string? ShownQuery() => query.Count == 0
        ? null
        : string.Join("&", query.Select(p => $"{p.Key}={ServerText.Clean(p.Key == "nextToken" ? Shorten(p.Value) : p.Value)}"));

    /// <summary>The path and query, every value URL-encoded.</summary>
    internal string RelativeUri()
    {
        var builder = new StringBuilder(Operation.PathTemplate.Length + 64);
        var template = Operation.PathTemplate;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            var name = template.Substring(open + 1, close - open - 1);
            if (!pathValues.TryGetValue(name, out var value))
            {
                throw new InvalidOperationException($"{Operation.Name} needs the path parameter {name}.");
            }

            builder.Append(template, position, open - position).Append(Uri.EscapeDataString(value));
            position = close + 1;
        }

        for (var i = 0; i < query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return builder.ToString();
    }

    /// <summary>How much of a nextToken -Verbose shows: enough to tell two pages apart.</summary>
    internal const int ShownTokenLength = 8;

    private static string Shorten(string token) => token.Length <= ShownTokenLength ? token : token.Substring(0, ShownTokenLength) + "…";
}
