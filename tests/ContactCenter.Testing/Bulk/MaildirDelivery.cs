using System.Globalization;

namespace ContactCenter.Testing.Bulk;

/// <summary>
/// Delivers messages into a Maildir the way a local MTA does (write to <c>tmp/</c>, rename into <c>new/</c>), which is
/// far faster than IMAP APPEND and safe while Dovecot runs: it picks new/ up at its next sync of the folder.
/// Folders and files are made world-writable because the test Dovecot works as the <c>mail</c> user.
/// </summary>
public static class MaildirDelivery
{
    public static int Deliver(string maildir, IEnumerable<byte[]> messages)
    {
        var tmp = Prepare(maildir);
        var count = 0;
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var unique = Guid.NewGuid().ToString("N")[..8];
        foreach (var message in messages)
        {
            var name = $"{stamp}.M{count}{unique}.bench,S={message.Length}";
            var temporary = Path.Combine(tmp, name);
            File.WriteAllBytes(temporary, message);
            SetMode(temporary, 0b110_110_110);
            File.Move(temporary, Path.Combine(maildir, "new", name));
            count++;
        }

        return count;
    }

    /// <summary>Creates <c>cur/ new/ tmp/</c> (and the Maildir itself) writable by Dovecot; returns tmp/.</summary>
    public static string Prepare(string maildir)
    {
        foreach (var folder in new[] { Path.GetDirectoryName(maildir)!, maildir, Path.Combine(maildir, "cur"), Path.Combine(maildir, "new"), Path.Combine(maildir, "tmp") })
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                SetMode(folder, 0b111_111_111);
            }
        }

        return Path.Combine(maildir, "tmp");
    }

    private static void SetMode(string path, int mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)mode);
        }
    }
}
