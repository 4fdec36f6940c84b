namespace ContactCenter.Testing;

/// <summary>Finds the repository and the build outputs from a running test, whatever the configuration.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built with.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The folder holding the built <c>contactcenter</c> program.</summary>
    public static string WorkerOutput => Path.Combine(Root, "src", "Workers", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.Ingest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ContactCenter.Ingest.sln not found above " + AppContext.BaseDirectory);
    }
}
