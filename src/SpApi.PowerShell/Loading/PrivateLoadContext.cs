#if NET
using System.Reflection;
using System.Runtime.Loader;

namespace SpApi.PowerShell.Loading;

/// <summary>
/// The module's own load context on PowerShell 7.4+. SpApi.Core and its dependencies (RestSharp, Polly.Core) load
/// here from bin/net8.0/lib, so a version of any of them that another
/// module or script loads, before SpApi or after it, never meets the module's own. Only the cmdlet assembly
/// is in the default context, so that format files, types files, completers and parameter binding see its
/// types as PowerShell does any other module's.
/// </summary>
/// <remarks>
/// The cmdlet assembly references SpApi.Core; the default context cannot find it (it is not beside the
/// cmdlet assembly, so neither PowerShell's probing nor LoadFrom's finds it), and its Resolving event then
/// hands over this context's copy. That is the one type identity for Core's types in the process: the
/// cmdlets, their parameters and the objects Core returns all use it. Assemblies cannot be unloaded from the
/// default context, so the context and the handler live as long as the process, and a second Import-Module
/// reuses both (<see cref="Initialize"/> runs once).
/// </remarks>
public sealed class PrivateLoadContext : AssemblyLoadContext
{
    private const string CoreAssemblyName = "SpApi.Core";
    private static readonly object Gate = new();
    private static PrivateLoadContext? instance;
    private readonly string folder;

    private PrivateLoadContext(string folder)
        : base("SpApi", isCollectible: false) => this.folder = folder;

    /// <summary>Creates the context for the private assemblies in <paramref name="folder"/>, once per process; called by <see cref="ModuleInitializer"/> on import.</summary>
    public static void Initialize(string folder)
    {
        lock (Gate)
        {
            if (instance is not null)
            {
                return;
            }

            instance = new PrivateLoadContext(Path.GetFullPath(folder));
            Default.Resolving += ResolveCore;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // A private assembly from lib; anything else (the .NET runtime's own) falls back to the default context.
        var path = DependencyResolver.Find(folder, assemblyName.FullName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    // The default context asks only for what the cmdlet assembly references: SpApi.Core. Every other
    // request belongs to someone else and is left alone. So is SpApi.Core when lib lacks it (a damaged install,
    // or a copy of the module laid out flat): this context would hand the request back to the default one,
    // whose Resolving event would ask here again, without end.
    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal) && instance is { } own && DependencyResolver.Find(own.folder, name.FullName) is not null
            ? own.LoadFromAssemblyName(name)
            : null;
}
#endif
