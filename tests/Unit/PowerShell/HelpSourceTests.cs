using System.Management.Automation;
using System.Text.RegularExpressions;
using SpApi.PowerShell.Cmdlets;
using SpApi.Tests.Support;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// The help sources cover every cmdlet: build/New-SpApiHelp.ps1 turns docs/help/&lt;Cmdlet&gt;.md (synopsis,
/// description, examples) and the /// parameter summaries (checked in CmdletMetadataTests) into MAML.
/// </summary>
public sealed class HelpSourceTests
{
    public static IEnumerable<string> Names =>
        typeof(ConnectSpApiCommand).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CmdletAttribute)))
            .Where(a => a is not null)
            .Select(a => $"{a!.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}");

    public static TheoryData<string> CmdletNames() => new(Names);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EachCmdletHasASynopsisADescriptionAndExamples(string cmdlet)
    {
        var path = Path.Combine(Repository.Root, "docs", "help", cmdlet + ".md");
        Assert.True(File.Exists(path), $"{path} is missing");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");

        Assert.StartsWith($"# {cmdlet}\n", text);
        Assert.Matches(@"(?m)^## Synopsis\n\S", text);
        Assert.Matches(@"(?m)^## Description\n\S", text);
        var examples = Regex.Matches(text, @"(?ms)^### (Example \d+: .+?)\n```powershell\n(.+?)\n```\n(\S.*?)(?=^### |\z)");
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.Contains(cmdlet, e.Groups[2].Value));
    }

    [Fact]
    public void EveryHelpSourceBelongsToACmdlet()
    {
        var names = Names.ToHashSet();
        Assert.All(Directory.GetFiles(Path.Combine(Repository.Root, "docs", "help"), "*.md"), f => Assert.Contains(Path.GetFileNameWithoutExtension(f), names));
    }

    [Fact]
    public void TheAboutTopicsCoverWhatTheyPromise()
    {
        var about = File.ReadAllText(Path.Combine(Repository.Root, "module", "en-US", "about_SpApi.help.txt"));
        foreach (var section in new[] { "SETUP", "CREDENTIALS AND PROFILES", "REGIONS", "RATE LIMITS", "SCHEDULED TASKS", "TROUBLESHOOTING" })
        {
            Assert.Contains($"\n{section}\n", about.Replace("\r\n", "\n"));
        }

        // The error ids of about_SpApi_Errors are checked against ErrorIds by ErrorIdDocumentationTests.
    }
}
