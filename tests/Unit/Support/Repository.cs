namespace SpApi.Tests.Support;

/// <summary>Finds the repository root and the shared SP-API models beside it.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/spapi-models: the official models, unchanged.</summary>
    public static string ModelsFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "spapi-models"));

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
