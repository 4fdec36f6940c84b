using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Picks the fax images of a fax-to-e-mail message. Gateways may attach the same fax twice (FreePBX "both": PDF and
/// TIFF); the TIFF is the received image itself, so the PDFs are read only when there is no TIFF.
/// </summary>
internal static class FaxMailAttachments
{
    public static IReadOnlyList<MimePart> Select(MimeMessage message)
    {
        var candidates = message.BodyParts.OfType<MimePart>().Where(p => Kind(p) is not null).ToList();
        var tiffs = candidates.Where(p => Kind(p) == PaperContentTypes.Tiff).ToList();
        return tiffs.Count > 0 ? tiffs : candidates;
    }

    public static string FileName(MimePart part) =>
        SafeFileName.From(part.FileName, Kind(part) == PaperContentTypes.Pdf ? "fax.pdf" : "fax.tif");

    private static string? Kind(MimePart part)
    {
        var type = part.ContentType.MimeType.ToLowerInvariant();
        if (type is "image/tiff" or "image/tif" or "image/x-tiff")
        {
            return PaperContentTypes.Tiff;
        }

        if (type is "application/pdf" or "application/x-pdf")
        {
            return PaperContentTypes.Pdf;
        }

        var byName = PaperContentTypes.FromFileName(part.FileName);
        return byName is PaperContentTypes.Tiff or PaperContentTypes.Pdf ? byName : null;
    }
}
