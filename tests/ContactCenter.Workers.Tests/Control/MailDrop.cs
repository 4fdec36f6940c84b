using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>A mail-drop channel over a folder of .eml files, as the tests of the running service use it.</summary>
internal static class MailDrop
{
    public static string Samples(TempDirectory folder)
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "mail"), "*.eml"))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }

        return inbox;
    }

    public static Dictionary<string, object> Channel(TempDirectory folder, string name, string inbox, int batchSize = 100, string interval = "00:00:01") => new()
    {
        [name] = new
        {
            Type = "MailDrop", Path = inbox, DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("quarantine"),
            Interval = interval, BatchSize = batchSize, StableFor = "00:00:00",
        },
    };
}
