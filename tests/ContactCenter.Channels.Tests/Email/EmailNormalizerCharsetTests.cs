using System.Text;

namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailNormalizerCharsetTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    public EmailNormalizerCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("=?ISO-8859-1?Q?Richiesta_sull=27allerta:_=E8_urgente?=", "Richiesta sull'allerta: è urgente")]
    [InlineData("=?windows-1252?Q?Perch=E8_costa_100_=80=3F?=", "Perchè costa 100 €?")]
    [InlineData("=?UTF-8?B?Q2l0dMOgIGFsbGFnYXRhIOKAkyDDqCB1cmdlbnRl?=", "Città allagata – è urgente")]
    [InlineData("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=", "テスト")]
    [InlineData("=?utf-8?q?Frana_a_Sarn?=\r\n =?utf-8?q?o_=E2=80=93_via_Pedagnali?=", "Frana a Sarno – via Pedagnali")]
    [InlineData("perch\u00e8 100 \u0080 (8 bit non dichiarati)", "perchè 100 € (8 bit non dichiarati)")]
    public async Task Normalize_EncodedSubject_IsDecoded(string rawSubject, string expected)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it",
            "Subject: " + rawSubject,
            "Content-Type: text/plain",
            "",
            "testo"));

        draft.Subject.Should().Be(expected);
    }

    [Theory]
    [InlineData("=?iso-8859-1?q?Jos=E9_Pe=F1a?= <jose@example.es>", "José Peña")]
    [InlineData("=?windows-1252?q?Niccol=F2_=93Nico=94?= <n@example.it>", "Niccolò “Nico”")]
    [InlineData("=?UTF-8?B?QW5uYSBNYXJpYSBDYXByacOy?= <anna@example.it>", "Anna Maria Capriò")]
    [InlineData("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= <tanaka@example.jp>", "テスト")]
    [InlineData("\"Rossi, Mario\" <mario@example.it>", "Rossi, Mario")]
    public async Task Normalize_EncodedDisplayName_IsDecoded(string rawFrom, string expected)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + rawFrom, "Subject: x", "", "testo"));

        draft.Sender.DisplayName.Should().Be(expected);
        draft.Sender.Email.Should().Contain("@");
    }

    [Theory]
    [InlineData("iso-8859-1", "quoted-printable", "La frana =E8 vicina, perch=E8 piove.", "La frana è vicina, perchè piove.")]
    [InlineData("windows-1252", "quoted-printable", "Danni per 5.000 =80 =96 urgente", "Danni per 5.000 € – urgente")]
    [InlineData("utf-8", "base64", "Q2l0dMOgIGFsbGFnYXRh", "Città allagata")]
    [InlineData("iso-2022-jp", "7bit", "\u001b$B%F%9%H\u001b(B", "テスト")]
    public async Task Normalize_BodyCharset_IsDecoded(string charset, string encoding, string rawBody, string expected)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it",
            "Subject: x",
            "MIME-Version: 1.0",
            $"Content-Type: text/plain; charset={charset}",
            $"Content-Transfer-Encoding: {encoding}",
            "",
            rawBody));

        draft.TextBody.Should().Be(expected);
    }

    [Fact]
    public async Task Normalize_Windows1252BodyIn8Bit_KeepsEuroAndAccents()
    {
        var body = Encoding.Latin1.GetString(Encoding.GetEncoding(1252).GetBytes("Costo 20 € – perchè?"));
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: x", "Content-Type: text/plain; charset=windows-1252", "Content-Transfer-Encoding: 8bit", "", body));

        draft.TextBody.Should().Be("Costo 20 € – perchè?");
    }

    public void Dispose() => harness.Dispose();
}
