using System.Text.Json;

namespace ContactCenter.Core.Storage.Backup;

/// <summary>
/// <c>{DataDirectory}/last-backup.json</c>: written by <c>store backup</c> (as the service's user, or root), read by the
/// service at each scrape. Readable by all (0644): it holds a folder name and counts, no secret.
/// </summary>
public static class BackupRecordFile
{
    public const string FileName = "last-backup.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathFor(StoreOptions options) => Path.Combine(options.DataDirectory, FileName);

    /// <summary>The record, or null when no backup has run (or the file is unreadable: status then says none is recorded).</summary>
    public static BackupRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BackupRecord>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Records a run at <paramref name="at"/>; an incomplete one keeps the previous complete run's time.</summary>
    public static BackupRecord Write(string path, DateTimeOffset at, bool complete, string folder, int problems)
    {
        var record = new BackupRecord(at, complete, complete ? at : Read(path)?.LastCompleteAt, folder, problems);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.Move(temporary, path, overwrite: true);
        return record;
    }
}
