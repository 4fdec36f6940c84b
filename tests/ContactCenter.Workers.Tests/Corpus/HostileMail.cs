using System.Text;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Generators of broken or malicious e-mails; deterministic, so a failure reproduces byte for byte.</summary>
internal static class HostileMail
{
    public const string Body = "Buongiorno, segnalo un albero caduto in via Roma.";

    public static readonly string[] Headers =
    [
        "From: Mario Rossi <mario.rossi@example.it>",
        "To: segnalazioni@protezionecivile.example.it",
        "Date: Mon, 23 Nov 2026 10:15:00 +0100",
        "MIME-Version: 1.0",
    ];

    /// <summary>CRLF lines taken one byte per char (Latin-1), as the wire carries them.</summary>
    public static byte[] Lines(params string[] lines) => Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>The usual headers, a subject, then <paramref name="rest"/> (more headers, a blank line, the body).</summary>
    public static byte[] Message(string subject, params string[] rest) => Lines([.. Headers, "Subject: " + subject, .. rest]);

    public static byte[] Plain(string subject, string body = Body, params string[] extraHeaders) =>
        Message(subject, [.. extraHeaders, "Content-Type: text/plain; charset=utf-8", "", body]);

    /// <summary>A multipart/mixed message: a text part, then the given attachment parts (headers, blank line, body each).</summary>
    public static byte[] Mixed(string subject, params string[][] attachments)
    {
        var lines = new List<string> { "Content-Type: multipart/mixed; boundary=\"b0\"", "", "--b0", "Content-Type: text/plain; charset=utf-8", "", Body };
        foreach (var part in attachments)
        {
            lines.Add("--b0");
            lines.AddRange(part);
        }

        lines.Add("--b0--");
        return Message(subject, [.. lines]);
    }

    public static string[] Base64Part(string contentType, string dispositionParams, byte[] data) =>
        [$"Content-Type: {contentType}", $"Content-Disposition: attachment; {dispositionParams}", "Content-Transfer-Encoding: base64", "", Base64Lines(data)];

    public static string Base64Lines(byte[] data) =>
        string.Join("\r\n", Convert.ToBase64String(data).Chunk(76).Select(c => new string(c)));

    /// <summary>UTF-8 text as the Latin-1 "string of bytes" <see cref="Lines"/> writes back unchanged.</summary>
    public static string Utf8Bytes(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
