namespace ContactCenter.Channels.Paper;

internal static class UniqueFilePath
{
    /// <summary>
    /// <c>{folder}/{name}</c>, or <c>{stem} (2){ext}</c>, <c>(3)</c>, ... when that name is taken, or when
    /// <c>{candidate}{companionSuffix}</c> is (a quarantined file's <c>.reason.txt</c> outliving its file must not be
    /// overwritten by the next file of the same name).
    /// </summary>
    public static string In(string folder, string name, string? companionSuffix = null)
    {
        var candidate = Path.Combine(folder, name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; Taken(candidate) || (companionSuffix is not null && Taken(candidate + companionSuffix)); n++)
        {
            candidate = Path.Combine(folder, $"{stem} ({n}){extension}");
        }

        return candidate;
    }

    private static bool Taken(string path) => File.Exists(path) || Directory.Exists(path);
}
