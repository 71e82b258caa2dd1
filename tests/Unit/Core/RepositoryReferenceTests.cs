using SpApi.Tests.Support;

namespace SpApi.Tests.Core;

/// <summary>
/// Nothing in the repository points outside it: a fresh clone holds everything its files name. The SP-API
/// models are in tests/Models, whose README may say where they were copied from.
/// </summary>
public sealed class RepositoryReferenceTests
{
    // Split so that this file does not match itself.
    private static readonly string[] OutsideReferences = { "../" + "shared", "shared/" + "spapi-models" };

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "out", "TestResults" };

    [Fact]
    public void NoTextFileOutsideTestsModelsNamesTheSharedFolder()
    {
        var offenders = TextFiles(new DirectoryInfo(Repository.Root))
            .SelectMany(file => File.ReadLines(file.FullName)
                .Select((line, index) => (Line: line, Number: index + 1))
                .Where(l => OutsideReferences.Any(reference => l.Line.Contains(reference, StringComparison.OrdinalIgnoreCase)))
                .Select(l => $"{Path.GetRelativePath(Repository.Root, file.FullName)}:{l.Number}: {l.Line.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Files point outside the repository:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    private static IEnumerable<FileInfo> TextFiles(DirectoryInfo folder)
    {
        foreach (var file in folder.EnumerateFiles().Where(IsText))
        {
            yield return file;
        }

        var models = Path.GetFullPath(Repository.ModelsFolder);
        foreach (var child in folder.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name) && !string.Equals(d.FullName, models, StringComparison.Ordinal)))
        {
            foreach (var file in TextFiles(child))
            {
                yield return file;
            }
        }
    }

    // A NUL byte in the first 8 KB marks a binary file, as git decides.
    private static bool IsText(FileInfo file)
    {
        using var stream = file.OpenRead();
        var buffer = new byte[8192];
        var read = stream.Read(buffer, 0, buffer.Length);
        return Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }
}
