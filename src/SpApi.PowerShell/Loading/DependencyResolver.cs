using System.Reflection;

namespace SpApi.PowerShell.Loading;

/// <summary>
/// Finds the module's own copy of an assembly by name, whatever version is asked for. On .NET Framework a
/// module cannot carry binding redirects, and the shims reference each other at versions other than the
/// ones shipped (System.Memory asks for an older System.Runtime.CompilerServices.Unsafe, for example).
/// On PowerShell 7 the module's load context uses it to find its private assemblies.
/// </summary>
internal static class DependencyResolver
{
    /// <summary>The file in <paramref name="folder"/> that satisfies the request, or null if the module does not ship it.</summary>
    public static string? Find(string folder, string requestedAssembly)
    {
        var name = new AssemblyName(requestedAssembly).Name;
        if (string.IsNullOrEmpty(name) || name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        var path = Path.Combine(folder, name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
