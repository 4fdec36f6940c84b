using System.Text;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Raw RFC 5322 messages as the wire carries them: CRLF lines, bytes taken one per char (Latin-1).</summary>
internal static class RawMail
{
    public static byte[] Lines(params string[] lines) => Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A plain message with the usual headers; extra headers go first so tests can add or override.</summary>
    public static byte[] Simple(string body = "Buongiorno, segnalo un albero caduto in via Roma.", params string[] extraHeaders) =>
        Lines(
        [
            .. extraHeaders,
            "From: Mario Rossi <mario.rossi@example.it>",
            "To: segnalazioni@protezionecivile.example.it",
            "Subject: Albero caduto",
            "Date: Mon, 23 Nov 2026 10:15:00 +0100",
            "Message-ID: <abc123@example.it>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(body)),
        ]);

    /// <summary>A multipart/mixed message from Mario Rossi, "Allegati", with these parts (each its headers, a blank line, its body).</summary>
    public static byte[] Mixed(params string[] parts)
    {
        var lines = new List<string>
        {
            "From: Mario Rossi <mario.rossi@example.it>",
            "Subject: Allegati",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"mix\"",
            "",
        };
        foreach (var part in parts)
        {
            lines.Add("--mix");
            lines.Add(part);
        }

        lines.Add("--mix--");
        return Lines([.. lines]);
    }

    public static string Base64Lines(byte[] data) =>
        string.Join("\r\n", Convert.ToBase64String(data).Chunk(76).Select(c => new string(c)));
}
