using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpApi.Sandbox;

/// <summary>
/// The query parameters of one operation of an embedded model, checked as SP-API checks them: a required
/// one present and not empty, a date-time one in ISO 8601 with seconds and a zone. It reports every problem.
/// </summary>
internal sealed class ModelParameters
{
    private static readonly Regex DateTimePattern = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private readonly List<(string Name, bool Required, string? Format)> query;

    private ModelParameters(List<(string, bool, string?)> query) => this.query = query;

    /// <summary>The query parameters of <paramref name="method"/> <paramref name="path"/> in the model embedded as Models/<paramref name="fileName"/>.</summary>
    public static ModelParameters FromResource(string fileName, string path, string method)
    {
        using var stream = typeof(ModelParameters).Assembly.GetManifestResourceStream("Models/" + fileName)
            ?? throw new InvalidOperationException($"The model {fileName} is not embedded in the sandbox.");
        using var model = JsonDocument.Parse(stream);
        var parameters = model.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters");
        return new ModelParameters(parameters.EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => (
                p.GetProperty("name").GetString()!,
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("format", out var format) ? format.GetString() : null))
            .ToList());
    }

    /// <summary>Every problem of the request's query against the model, as sentences naming the parameter.</summary>
    public List<string> Check(IQueryCollection values)
    {
        var problems = new List<string>();
        foreach (var (name, required, format) in query)
        {
            var value = values[name].ToString();
            if (value.Length == 0)
            {
                if (required)
                {
                    problems.Add($"{name} is required.");
                }

                continue;
            }

            if (format == "date-time" && !(DateTimePattern.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                problems.Add($"{name} must be an ISO 8601 date-time such as 2025-05-18T14:30:00Z, not \"{value}\".");
            }
        }

        return problems;
    }
}
