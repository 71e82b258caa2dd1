#if NETFRAMEWORK
using System.Management.Automation;
using System.Reflection;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Runs when Windows PowerShell 5.1 imports the module: hooks AssemblyResolve so the shipped shims load
/// whatever version is asked for. The net8.0 build has no such class: it ships only assemblies that
/// PowerShell 7's runtime does not have, so nothing can conflict.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static readonly string Folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    /// <inheritdoc />
    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveShippedAssembly;

    private static Assembly? ResolveShippedAssembly(object? sender, ResolveEventArgs args)
    {
        var requested = new AssemblyName(args.Name).Name;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == requested && Path.GetDirectoryName(a.Location) == Folder);
        if (loaded is not null)
        {
            return loaded;
        }

        var path = DependencyResolver.Find(Folder, args.Name);
        return path is null ? null : Assembly.LoadFrom(path);
    }
}
#endif
