using System.Management.Automation;
using System.Reflection;

namespace SpApi.PowerShell.Loading;

#if NET
/// <summary>
/// PowerShell 7.4+: sets up the module's own load context (<see cref="PrivateLoadContext"/>) when PowerShell
/// imports the cmdlets, before any of them runs and so before anything asks for SpApi.Core.
/// </summary>
/// <remarks>
/// PowerShell reads the cmdlet types before it runs this, so they must load without SpApi.Core: no field of one
/// of Core's value types (CmdletTypesTests). Done here rather than by .NET calls in SpApi.psm1, which cost
/// Import-Module about 20 ms of PowerShell binding a script's first .NET calls (docs/benchmarks.md).
/// </remarks>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <inheritdoc />
    public void OnImport() =>
        PrivateLoadContext.Initialize(Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "lib"));
}
#else
/// <summary>
/// Windows PowerShell 5.1 has one load context, so the module hooks AppDomain.AssemblyResolve to serve the
/// shims it ships whatever version is asked for. The handler answers only for an assembly the module ships,
/// and only when the module asks (the request comes from one of its own assemblies); another module's
/// requests are left to that module. Remove-Module unhooks it. PowerShell 7 uses <c>PrivateLoadContext</c>.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string Folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    /// <inheritdoc />
    public void OnImport()
    {
        // Import-Module -Force runs OnImport again without OnRemove: never hook twice.
        AppDomain.CurrentDomain.AssemblyResolve -= ResolveShippedAssembly;
        AppDomain.CurrentDomain.AssemblyResolve += ResolveShippedAssembly;
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveShippedAssembly;

    private static Assembly? ResolveShippedAssembly(object? sender, ResolveEventArgs args)
    {
        if (!IsTheModuleAsking(args.RequestingAssembly))
        {
            return null;
        }

        var requested = new AssemblyName(args.Name).Name;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == requested && IsShipped(a));
        if (loaded is not null)
        {
            return loaded;
        }

        var path = DependencyResolver.Find(Folder, args.Name);
        return path is null ? null : Assembly.LoadFrom(path);
    }

    // .NET Framework leaves RequestingAssembly null for some requests (Assembly.Load by name, for example);
    // then only the name can decide, and Find answers only for files the module ships.
    private static bool IsTheModuleAsking(Assembly? requesting) => requesting is null || (!requesting.IsDynamic && IsShipped(requesting));

    private static bool IsShipped(Assembly assembly) =>
        string.Equals(Path.GetDirectoryName(assembly.Location), Folder, StringComparison.OrdinalIgnoreCase);
}
#endif
