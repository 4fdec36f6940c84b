namespace ContactCenter.Channels.Tests.Email;

/// <summary>UTF-7, still sent by some old mailers, decoded like any other charset in bodies and headers.</summary>
public sealed class EmailNormalizerUtf7Tests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Normalize_Utf7Body_Decoded()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: x", "Content-Type: text/plain; charset=utf-7", "", "La frana +AOg- vicina, costo 10 +IKw-."));

        draft.TextBody.Should().Be("La frana è vicina, costo 10 €.");
    }

    [Theory]
    [InlineData("=?utf-7?Q?Frana_+AOg-_vicina?=")]
    [InlineData("=?UNICODE-1-1-UTF-7?Q?Frana_+AOg-_vicina?=")]
    public async Task Normalize_Utf7EncodedWordInSubjectAndFrom_Decoded(string subject)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: =?utf-7?Q?Nicol+AOg-?= <nicole@example.it>", "Subject: " + subject, "Content-Type: text/plain", "", "testo"));

        draft.Subject.Should().Be("Frana è vicina");
        draft.Sender.DisplayName.Should().Be("Nicolè");
    }

    [Fact]
    public async Task Normalize_Utf7Html_DecodedThenSanitised()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: x", "Content-Type: text/html; charset=utf-7", "",
            "+ADw-p+AD4-Perch+AOk-+ADw-/p+AD4-+ADw-script+AD4-alert(1)+ADw-/script+AD4-"));

        draft.HtmlBody!.Trim().Should().Be("<p>Perché</p>");
        draft.TextBody.Should().Be("Perché");
    }
}
