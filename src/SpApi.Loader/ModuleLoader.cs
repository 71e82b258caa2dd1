using System.Management.Automation;
using SpApi.PowerShell.Loading;

namespace SpApi.Loader;

/// <summary>
/// Sets up the module's load context when SpApi.psm1 imports this assembly, just before it imports the cmdlets.
/// </summary>
/// <remarks>
/// The set-up is compiled code in an initializer, not a .NET call in the script: PowerShell's binding of a
/// script's first .NET method calls cost about 20 ms, which made isolation slow Import-Module down by a fifth
/// (docs/benchmarks.md). The cmdlet assembly cannot carry the initializer itself, because PowerShell reads its
/// cmdlet types, which name SpApi.Core's, before it runs one.
/// </remarks>
public sealed class ModuleLoader : IModuleAssemblyInitializer
{
    /// <inheritdoc />
    public void OnImport() =>
        PrivateLoadContext.Initialize(Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)!, "lib"));
}
