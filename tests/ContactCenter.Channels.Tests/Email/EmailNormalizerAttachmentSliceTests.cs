using System.Security.Cryptography;
using System.Text;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>An e-mail's attachments are read from its archived original, not archived a second time.</summary>
public sealed class EmailNormalizerAttachmentSliceTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Theory]
    [InlineData("")]
    [InlineData(">From scanner@example.it Mon Nov 23 10:00:00 2026\r\n")]
    public async Task Normalize_AttachmentsOfEveryEncoding_OnlyTheOriginalArchived_EachReadBackExactly(string junkBeforeHeaders)
    {
        var pdf = new byte[300_000];
        new Random(11).NextBytes(pdf);
        var text = "Verbale di sopralluogo: lesioni è crepe al solaio, già segnalate al Comune.\r\n" + new string('x', 200) + "=fine";
        var forwarded = RawMail.Simple("Inoltro la segnalazione del vicino.");
        var message = RawMail.Mixed(
            "Content-Type: text/plain; charset=utf-8\r\n\r\nIn allegato i documenti.",
            "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"perizia.pdf\"\r\n"
                + $"Content-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines(pdf)}",
            "Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename=\"verbale.txt\"\r\n"
                + $"Content-Transfer-Encoding: quoted-printable\r\n\r\n{QuotedPrintable(text)}",
            "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=\"elenco.csv\"\r\n\r\nnome;via\r\nRossi;Roma",
            $"Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n{Encoding.Latin1.GetString(forwarded)}");

        var draft = await harness.NormalizeAsync([.. Encoding.Latin1.GetBytes(junkBeforeHeaders), .. message]);

        draft.Attachments.Select(a => a.FileName).Should().Equal("perizia.pdf", "verbale.txt", "elenco.csv", "Albero caduto.eml");
        draft.Attachments.Should().OnlyContain(a => a.InOriginal != null && a.InOriginal.Sha256 == draft.Original!.Sha256);
        draft.Attachments.Select(a => a.InOriginal!.Encoding).Should().Equal("Base64", "QuotedPrintable", "Default", "Binary");
        Expect(draft.Attachments[0], pdf);
        Expect(draft.Attachments[1], DecodedByMimeKit(message, "verbale.txt"));
        Encoding.UTF8.GetString(harness.Bytes(draft.Attachments[1])).Should().StartWith("Verbale di sopralluogo: lesioni è crepe").And.Contain("=fine");
        Expect(draft.Attachments[2], "nome;via\r\nRossi;Roma"u8.ToArray());
        Expect(draft.Attachments[3], forwarded);
        ArchivedFiles().Should().Equal([draft.Original!.Sha256], "the original holds every attachment");
    }

    [Fact]
    public async Task Normalize_WinmailDat_UnpackedFilesExistNowhereInTheOriginal_ArchivedApart()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 relazione tecnica");
        var tnef = new TnefBuilder().Body("Testo TNEF").Attachment("relazione.pdf", pdf).ToArray();

        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: text/plain\r\n\r\nVedi allegato.",
            $"Content-Type: application/ms-tnef\r\nContent-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines(tnef)}"));

        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        attachment.InOriginal.Should().BeNull();
        ArchivedFiles().Should().BeEquivalentTo([draft.Original!.Sha256, attachment.Sha256]);
        harness.Bytes(attachment).Should().Equal(pdf);
    }

    [Fact]
    public async Task OpenRead_SliceNoLongerHashingToTheRecord_FailsBeforeAnyByteIsServed()
    {
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"a.pdf\"\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines("%PDF-1.4 originale"u8.ToArray())}"));
        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        var altered = new TicketAttachment
        {
            FileName = attachment.FileName,
            Sha256 = new string('0', 64),
            InOriginal = new OriginalSlice { Sha256 = attachment.InOriginal!.Sha256, Start = attachment.InOriginal.Start + 4, End = attachment.InOriginal.End, Encoding = "Base64" },
        };

        var read = () => harness.Bytes(altered);

        read.Should().Throw<InvalidDataException>().WithMessage($"Attachment {new string('0', 64)} decodes from original {attachment.InOriginal.Sha256} to bytes hashing to *: the original in the archive is damaged.");
    }

    [Fact]
    public async Task OpenRead_SliceInAnEncodingThisVersionDoesNotKnow_SaysSo()
    {
        var draft = await harness.NormalizeAsync(RawMail.Mixed("Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n\r\nciao"));
        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        attachment.InOriginal!.Encoding = "x-compressed";

        var read = () => harness.Bytes(attachment);

        read.Should().Throw<InvalidDataException>().WithMessage($"*{attachment.Sha256}*slice of original {draft.Original!.Sha256}*x-compressed*");
    }

    [Fact]
    public async Task OpenRead_LargeSlice_SeekableCopyInAPrivateFile_GoneWhenClosed()
    {
        var scan = new byte[3_000_000];
        new Random(5).NextBytes(scan);
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: image/tiff\r\nContent-Disposition: attachment; filename=\"scansione.tif\"\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines(scan)}"));

        string path;
        using (var read = (FileStream)OriginalSliceReader.OpenRead(harness.Archive, draft.Attachments.Single()))
        {
            path = read.Name;
            read.CanSeek.Should().BeTrue("a download can resume where it broke");
            read.Seek(-10, SeekOrigin.End);
            var tail = new byte[10];
            read.ReadExactly(tail);
            tail.Should().Equal(scan[^10..]);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        File.Exists(path).Should().BeFalse();
    }

    public void Dispose() => harness.Dispose();

    private void Expect(TicketAttachment attachment, byte[] content)
    {
        harness.Bytes(attachment).Should().Equal(content, attachment.FileName);
        attachment.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        attachment.Size.Should().Be(content.Length);
    }

    private List<string> ArchivedFiles() =>
        [.. Directory.EnumerateFiles(harness.ArchiveRoot, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().Where(n => n.Length == 64)];

    private static string QuotedPrintable(string text)
    {
        var encoder = new MimeKit.Encodings.QuotedPrintableEncoder();
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new byte[encoder.EstimateOutputLength(bytes.Length)];
        var length = encoder.Flush(bytes, 0, bytes.Length, output);
        return Encoding.ASCII.GetString(output, 0, length);
    }

    /// <summary>What MimeKit decodes of the part, parsing the message on its own: what the archive held before.</summary>
    private static byte[] DecodedByMimeKit(byte[] message, string fileName)
    {
        var part = MimeKit.MimeMessage.Load(new MemoryStream(message)).Attachments.OfType<MimeKit.MimePart>().Single(p => p.FileName == fileName);
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);
        return decoded.ToArray();
    }
}
