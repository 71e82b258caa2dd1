using SpApi.PowerShell.Loading;

namespace SpApi.Tests.PowerShell;

/// <summary>The Windows PowerShell 5.1 resolver serves shipped assemblies by name, whatever version is asked for.</summary>
public sealed class DependencyResolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-bin-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AShippedAssemblyIsServedWhateverVersionIsAskedFor()
    {
        File.WriteAllBytes(Path.Combine(folder, "System.Runtime.CompilerServices.Unsafe.dll"), new byte[] { 0 });

        var path = DependencyResolver.Find(folder, "System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

        Assert.Equal(Path.Combine(folder, "System.Runtime.CompilerServices.Unsafe.dll"), path);
    }

    [Fact]
    public void AnAssemblyTheModuleDoesNotShipIsLeftToTheRuntime() =>
        Assert.Null(DependencyResolver.Find(folder, "Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"));
}
