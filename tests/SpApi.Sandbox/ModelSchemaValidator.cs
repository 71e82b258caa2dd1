using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpApi.Sandbox;

/// <summary>
/// Validates a request body against a definition of an embedded Swagger 2 model, the way SP-API refuses
/// a body: $ref, type, required, enum, maxLength and format date-time, plus the Decimal pattern. It
/// reports every problem, not only the first. Properties the model does not know are allowed, as
/// Swagger 2 allows them by default.
/// </summary>
internal sealed class ModelSchemaValidator
{
    private const string DefinitionsPrefix = "#/definitions/";
    private const string DecimalReference = DefinitionsPrefix + "Decimal";

    // The models state this pattern only in the Decimal definition's description, so it is applied to every $ref to Decimal.
    private static readonly Regex DecimalPattern = new(@"^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$", RegexOptions.CultureInvariant);

    // ISO 8601 extended format with seconds and a zone, as every date-time in the models' examples; the calendar is checked apart.
    private static readonly Regex DateTimePattern = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private readonly JsonElement definitions;

    private ModelSchemaValidator(JsonElement definitions) => this.definitions = definitions;

    /// <summary>Loads a model embedded under Models/, for example vendorInvoices.json.</summary>
    public static ModelSchemaValidator FromResource(string fileName)
    {
        using var stream = typeof(ModelSchemaValidator).Assembly.GetManifestResourceStream("Models/" + fileName)
            ?? throw new InvalidOperationException($"The model {fileName} is not embedded in the sandbox.");
        using var model = JsonDocument.Parse(stream);
        return new ModelSchemaValidator(model.RootElement.GetProperty("definitions").Clone());
    }

    /// <summary>Every problem of <paramref name="value"/> against the model's definition <paramref name="definition"/>.</summary>
    public List<SchemaProblem> Validate(JsonElement value, string definition)
    {
        var problems = new List<SchemaProblem>();
        CheckReference(value, DefinitionsPrefix + definition, string.Empty, problems);
        return problems;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<SchemaProblem> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            CheckReference(value, reference.GetString()!, path, problems);
            return;
        }

        var type = schema.TryGetProperty("type", out var declared) ? declared.GetString() : null;
        if (type is not null && !HasType(value, type))
        {
            problems.Add(new SchemaProblem(path, $"must be {WithArticle(type)}, not {Describe(value)}."));
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, schema, path, problems);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, items, $"{path}[{index++}]", problems);
                }

                break;
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, path, problems);
                break;
        }
    }

    private void CheckReference(JsonElement value, string reference, string path, List<SchemaProblem> problems)
    {
        if (reference == DecimalReference)
        {
            if (value.ValueKind != JsonValueKind.String || !DecimalPattern.IsMatch(value.GetString()!))
            {
                problems.Add(new SchemaProblem(path, $"must be a decimal number written as a string, such as \"12.50\" (pattern {DecimalPattern}), not {Describe(value)}."));
            }

            return;
        }

        if (!reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal) || !definitions.TryGetProperty(reference[DefinitionsPrefix.Length..], out var schema))
        {
            throw new InvalidOperationException($"The model has no definition {reference}.");
        }

        Check(value, schema, path, problems);
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<SchemaProblem> problems)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                problems.Add(new SchemaProblem(Join(path, name), "is required."));
            }
        }

        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, Join(path, property.Name), problems);
            }
        }
    }

    private static void CheckString(string value, JsonElement schema, string path, List<SchemaProblem> problems)
    {
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == value))
        {
            problems.Add(new SchemaProblem(path, $"must be one of {string.Join(", ", allowed.EnumerateArray().Select(a => a.GetString()))}, not \"{value}\"."));
        }

        // JSON Schema counts characters as code points, not UTF-16 units.
        if (schema.TryGetProperty("maxLength", out var maxLength) && value.EnumerateRunes().Count() > maxLength.GetInt32())
        {
            problems.Add(new SchemaProblem(path, $"must be at most {maxLength.GetInt32()} characters long, not \"{value}\"."));
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time"
            && !(DateTimePattern.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            problems.Add(new SchemaProblem(path, $"must be an ISO 8601 date-time such as 2026-03-13T11:16:24Z, not \"{value}\"."));
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => throw new InvalidOperationException($"The sandbox does not know the schema type {type}."),
    };

    private static string WithArticle(string type) => type is "object" or "array" or "integer" ? "an " + type : "a " + type;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
