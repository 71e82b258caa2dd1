using System.Text.RegularExpressions;
using SpApi.Tests.Support;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// What build.ps1 ships: its allow-list is the only way an assembly reaches out/SpApi/bin, so checking
/// the list checks the staged folders. PowerShell 7 must find nothing there that .NET 8 already has.
/// </summary>
public sealed class ShippedAssemblyTests
{
    [Fact]
    public void TheNet8BuildShipsNothingTheSharedFrameworkProvides()
    {
        var net8 = AllowList("net8.0");
        var framework = Directory.GetFiles(Net8ReferenceFolder(), "*.dll").Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("System.Text.Json.dll", framework);
        Assert.DoesNotContain(net8, framework.Contains);
        Assert.Contains("SpApi.PowerShell.dll", net8);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net472")]
    public void SystemManagementAutomationNeverShips(string framework) =>
        Assert.DoesNotContain("System.Management.Automation.dll", AllowList(framework), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void OnlyTheCmdletAssemblySitsBesideTheRootOfTheNet8Build()
    {
        // Everything else is under lib/, which only the module's own load context reads.
        var paths = AllowListPaths("net8.0");
        Assert.Equal(new[] { "SpApi.PowerShell.dll" }, paths.Where(p => !p.StartsWith("lib/", StringComparison.Ordinal)));
        Assert.Contains("lib/SpApi.Core.dll", paths);
    }

    [Fact]
    public void TheCmdletAssemblyReferencesNoDependencyOfCore()
    {
        // The default context resolves only SpApi.Core for the cmdlet assembly; a direct reference to
        // RestSharp or Polly would load the session's copy (or fail) instead of the module's.
        var references = typeof(SpApi.PowerShell.Loading.PrivateLoadContext).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("SpApi.Core", references);
        Assert.DoesNotContain(references, name => name is "RestSharp" or "Polly.Core");
    }

    [Fact]
    public void TheWindowsPowerShellBuildShipsItsShims() =>
        Assert.Superset(new HashSet<string> { "System.Text.Json.dll", "System.Memory.dll", "Microsoft.Bcl.AsyncInterfaces.dll" }, AllowList("net472").ToHashSet());

    private static List<string> AllowList(string framework) => AllowListPaths(framework).Select(Path.GetFileName).ToList()!;

    // The allow-list's entries: paths under bin/<framework>.
    private static List<string> AllowListPaths(string framework)
    {
        var build = File.ReadAllText(Path.Combine(Repository.Root, "build.ps1"));
        var block = Regex.Match(build, $@"'{Regex.Escape(framework)}'\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
        var paths = Regex.Matches(block, "'([^']+\\.dll)'").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(paths);
        return paths;
    }

    // The .NET 8 reference pack that the net8.0 build compiled against (restored with the solution).
    private static string Net8ReferenceFolder()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var pack = Directory.GetDirectories(Path.Combine(packages, "microsoft.netcore.app.ref"), "8.0.*").OrderBy(d => d, StringComparer.Ordinal).Last();
        return Path.Combine(pack, "ref", "net8.0");
    }
}
