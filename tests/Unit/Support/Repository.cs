namespace SpApi.Tests.Support;

/// <summary>Finds the repository root and its copies of the SP-API models.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/Models: copies of the official models, unchanged (ModelCopyTests checks their hashes).</summary>
    public static string ModelsFolder => Path.Combine(Root, "tests", "Models");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpApi.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SpApi.slnx above {AppContext.BaseDirectory}.");
    }
}
