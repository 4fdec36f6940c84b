namespace ContactCenter.Channels.Paper;

internal static class UniqueFilePath
{
    /// <summary><c>{folder}/{name}</c>, or <c>{stem} (2){ext}</c>, <c>(3)</c>, ... when that name is taken.</summary>
    public static string In(string folder, string name)
    {
        var candidate = Path.Combine(folder, name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
        {
            candidate = Path.Combine(folder, $"{stem} ({n}){extension}");
        }

        return candidate;
    }
}
