using System.Reflection;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// PowerShell reads a binary module's public types before it runs the module's initializer, which is what sets
/// up the load context SpApi.Core lives in. A field of one of Core's value types (an enum, a struct, or a
/// Nullable of one) would make the runtime load Core to lay the type out, before the context exists: the import
/// would fail, or load Core into the shared context.
/// </summary>
public sealed class CmdletTypesTests
{
    [Fact]
    public void NoPublicTypeOfTheCmdletAssemblyHasAFieldOfACoreValueType()
    {
        var assembly = typeof(SpApi.PowerShell.Loading.ModuleInitializer).Assembly;
        // The public types and the base types they are laid out on, abstract or internal ones of the assembly too.
        var loaded = assembly.GetExportedTypes()
            .SelectMany(t => BaseTypes(t).Prepend(t))
            .Where(t => t.Assembly == assembly)
            .Distinct();
        var fields = loaded
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => IsCoreValueType(f.FieldType))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}: {f.FieldType}")
            .ToList();

        Assert.Empty(fields);
        Assert.Contains(assembly.GetExportedTypes(), t => t.Name == "ConnectSpApiCommand");
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            yield return b;
        }
    }

    private static bool IsCoreValueType(Type type) =>
        type.IsValueType && (type.Assembly == typeof(SpApi.Core.Http.SpApiClient).Assembly || type.GetGenericArguments().Any(IsCoreValueType));
}
