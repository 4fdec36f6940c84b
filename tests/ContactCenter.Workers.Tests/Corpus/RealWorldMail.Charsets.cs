using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Mail in the charsets residents and foreign visitors write in, declared the way their mailers declare them.</summary>
internal static partial class RealWorldMail
{
    private static IEnumerable<CorpusCase> Charsets()
    {
        var samples = new (string Name, string Charset, string Encoding, string Subject, string Body)[]
        {
            ("iso-2022-jp", "iso-2022-jp", "7bit", "地震の被害について", "地震で家の壁にひびが入りました。"),
            ("shift-jis-base64", "shift_jis", "base64", "避難所の場所", "一番近い避難所はどこですか。"),
            ("gb2312", "gb2312", "base64", "关于地震损失的咨询", "我的房子在地震中受损。"),
            ("big5", "big5", "base64", "關於地震損失的諮詢", "我的房子在地震中受損。"),
            ("euc-kr", "euc-kr", "base64", "지진 피해 문의", "집 벽에 금이 갔습니다."),
            ("koi8-r", "koi8-r", "quoted-printable", "Вопрос о землетрясении", "В моём доме трещина в стене."),
            ("windows-1251", "windows-1251", "base64", "Питання про евакуацію", "Де найближчий пункт збору?"),
            ("iso-8859-7", "iso-8859-7", "quoted-printable", "Ερώτηση για τον σεισμό", "Υπάρχει ρωγμή στον τοίχο."),
            ("windows-1256", "windows-1256", "base64", "سؤال عن الزلزال", "يوجد شق في جدار منزلي."),
            ("windows-1250", "windows-1250", "quoted-printable", "Żądanie pomocy", "Piwnica jest zalana, proszę o pomoc."),
            ("iso-8859-15-euro", "iso-8859-15", "quoted-printable", "Rimborso spese", "Ho speso 120 € per la pompa idrovora."),
            ("windows-1252-smart-quotes", "windows-1252", "8bit", "“Richiesta” urgente", "L’acqua – dicono – scenderà entro sera…"),
            ("utf-16-attachment-text", "utf-8", "base64", "Città e comunità", "Un testo in UTF-8 con àèìòù e ß."),
        };
        foreach (var (name, charset, encoding, subject, body) in samples)
        {
            yield return Case("charset-" + name, () => Lines(
                $"From: {Word(charset == "iso-2022-jp" ? "iso-2022-jp" : "utf-8", "Cittadino")} <cittadino.{name}@example.org>", To,
                "Subject: " + Word(charset, subject), "Date: Sat, 28 Nov 2026 09:00:00 +0100", $"Message-ID: <{name}@example.org>", "MIME-Version: 1.0",
                $"Content-Type: text/plain; charset=\"{charset}\"", "Content-Transfer-Encoding: " + encoding, "",
                encoding switch
                {
                    "base64" => B64(charset, body),
                    "quoted-printable" => QuotedPrintable(charset, body),
                    _ => In(charset, body),
                }),
                t =>
                {
                    t.Subject.Should().Be(subject);
                    t.TextBody.Should().Be(body);
                });
        }
    }

    private static string QuotedPrintable(string charset, string text) =>
        string.Concat(System.Text.Encoding.GetEncoding(charset).GetBytes(text).Select(b => b is >= 33 and <= 126 and not (byte)'=' || b == ' ' ? ((char)b).ToString() : $"={b:X2}"));
}
