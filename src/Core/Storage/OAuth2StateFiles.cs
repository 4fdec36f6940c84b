namespace ContactCenter.Core.Storage;

/// <summary>
/// Where a login keeps the refresh token its OAuth2 provider rotated: a file in the service's data folder on a single
/// machine, the same JSON under <c>oauth2/{file name}</c> in a cluster's shared keys (<see cref="ISharedKeyStore"/>).
/// <c>store copy</c> brings a single machine's files along: the configured token may be one the provider retired.
/// </summary>
public static class OAuth2StateFiles
{
    public const string SharedPrefix = "oauth2/";

    /// <summary><c>{DataDirectory}/oauth2</c>, the service's own writable folder.</summary>
    public static string Folder(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "oauth2");

    /// <summary>The shared name of the state file at <paramref name="path"/>.</summary>
    public static string SharedName(string path) => SharedPrefix + Path.GetFileNameWithoutExtension(path);

    /// <summary>The data folder's state files, each under its shared name with its JSON.</summary>
    public static IEnumerable<(string Name, string Json)> Local(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "refresh-token-*.json").Order(StringComparer.Ordinal).Select(file => (SharedName(file), File.ReadAllText(file)))
            : [];
    }
}
