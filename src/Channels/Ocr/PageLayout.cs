using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Leptonica's word boxes decide whether a straightened page is one block of text lines, which Tesseract can read as
/// a single block, skipping its column, table, picture and ruled-line finding (measured: a seventh of a page's CPU).
/// Anything else keeps the full layout analysis: two words on one line far apart (columns, a table, a date beside a
/// reference), a box much taller than the text (a logo, a photo, a stamp), words taller than wide (text still
/// sideways) or too few words to judge.
/// </summary>
internal static class PageLayout
{
    /// <summary>Fewer words than this are not enough to judge, and such a page is cheap to analyse fully anyway.</summary>
    private const int MinWords = 20;

    /// <summary>A gap between neighbouring words wider than this many text heights separates columns or cells; justified text stretches spaces to about one.</summary>
    private const int MaxGapInLineHeights = 3;

    /// <summary>A box taller than this many text heights is not a word: a picture, a logo, a stamp.</summary>
    private const int MaxBoxInLineHeights = 4;

    public static bool IsSingleBlock(PixHandle grey, int dpi)
    {
        var boxes = WordBoxes(grey, dpi);
        if (boxes.Count < MinWords)
        {
            return false;
        }

        // Dots, commas and accents come as boxes of their own, inside or between words: only word-sized boxes count.
        var height = Median(boxes.Select(w => w.Height));
        var words = boxes.Where(w => 2 * w.Height >= height).ToList();
        if (Median(words.Select(w => w.Width)) < height || words.Any(w => w.Height > MaxBoxInLineHeights * height))
        {
            return false;
        }

        return words.GroupBy(w => w.Line).All(line => WidestGap(line) <= MaxGapInLineHeights * height);
    }

    /// <summary>The widest stretch of white between the words of a line, which may overlap (a word box holding a smaller one).</summary>
    private static int WidestGap(IEnumerable<(int X, int Width, int Height, int Line)> line)
    {
        var (widest, right) = (0, int.MinValue);
        foreach (var word in line.OrderBy(w => w.X))
        {
            widest = right == int.MinValue ? widest : Math.Max(widest, word.X - right);
            right = Math.Max(right, word.X + word.Width);
        }

        return widest;
    }

    private static List<(int X, int Width, int Height, int Line)> WordBoxes(PixHandle grey, int dpi)
    {
        using var binary = PageImage.Binarise(grey);

        // Leptonica's word finder is meant for 75–150 ppi.
        using var reduced = dpi >= 200 ? Checked(LeptonicaApi.pixScale(binary, 0.5f, 0.5f)) : null;
        var page = reduced ?? binary;
        if (LeptonicaApi.pixGetWordBoxesInTextlines(page, 2, 2, page.Width, page.Height, out var boxes, out var lines) != 0)
        {
            return [];
        }

        try
        {
            var count = LeptonicaApi.boxaGetCount(boxes);
            var words = new List<(int, int, int, int)>(count);
            for (var i = 0; i < count; i++)
            {
                LeptonicaApi.boxaGetBoxGeometry(boxes, i, out var x, out _, out var width, out var height);
                LeptonicaApi.numaGetIValue(lines, i, out var line);
                words.Add((x, width, height, line));
            }

            return words;
        }
        finally
        {
            LeptonicaApi.boxaDestroy(ref boxes);
            LeptonicaApi.numaDestroy(ref lines);
        }
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static PixHandle Checked(PixHandle result)
    {
        if (result.IsInvalid)
        {
            result.Dispose();
            throw new InboundItemRejectedException("the page image cannot be processed (Leptonica failed to find its words)");
        }

        return result;
    }
}
