using System.Diagnostics;

namespace SpApi.Sandbox.Tests;

/// <summary>The sandbox as a person starts it: SpApi.Sandbox.dll in a process of its own, its output redirected.</summary>
internal static class SandboxProgram
{
    /// <summary>Enough for a start on a slow machine; only there so a broken sandbox fails the test rather than hangs it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public static Process Start(params string[] arguments)
    {
        // The build copies the referenced program with its runtimeconfig next to the tests.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SpApi.Sandbox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
