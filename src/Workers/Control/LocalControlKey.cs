using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The key the CLI on this machine uses when API keys are on: the service writes a fresh one at each start to
/// <c>{DataDirectory}/control.key</c>, readable by its own user only. Whoever can read it can already read and change
/// the store file beside it, so it grants nothing new; it is accepted on the loopback listener only.
/// </summary>
internal static class LocalControlKey
{
    public static string PathFor(StoreOptions store) => Path.Combine(Path.GetFullPath(store.DataDirectory), "control.key");

    /// <summary>Writes a new key (owner read/write only, replaced atomically) and returns it.</summary>
    public static string Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ApiKeyHash.NewKey();
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temporary);
        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(key);
        }

        File.Move(temporary, path, overwrite: true);
        return key;
    }

    /// <summary>The key, or null when there is none or this user may not read it.</summary>
    public static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }
}
