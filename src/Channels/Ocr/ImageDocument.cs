using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// A TIFF (one or many pages), PNG or JPEG held in memory. Page sizes come from the headers, so an image declaring
/// absurd dimensions is refused before Leptonica allocates anything; pages are decoded one at a time.
/// </summary>
internal sealed unsafe class ImageDocument
{
    private readonly byte[] data;
    private readonly DocumentFormat format;

    private ImageDocument(byte[] data, DocumentFormat format, int pageCount)
    {
        this.data = data;
        this.format = format;
        PageCount = pageCount;
    }

    public int PageCount { get; }

    public static ImageDocument Open(byte[] data, DocumentFormat format)
    {
        if (format == DocumentFormat.Jpeg)
        {
            JpegScans.Require(data);
        }
        else if (format == DocumentFormat.Png)
        {
            data = PngChunks.Essential(data);
        }

        return new(data, format, format == DocumentFormat.Tiff ? CountTiffPages(data) : 1);
    }

    /// <summary>Width and height declared by the page's header.</summary>
    public (int Width, int Height) PageSize(int index)
    {
        int width, height, status;
        fixed (byte* p = data)
        {
            status = format == DocumentFormat.Tiff
                ? LeptonicaApi.readHeaderMemTiff(p, (nuint)data.Length, index, out width, out height, out _, out _, out _, out _, out _)
                : LeptonicaApi.pixReadHeaderMem(p, (nuint)data.Length, out _, out width, out height, out _, out _, out _);
        }

        if (status != 0 || width <= 0 || height <= 0)
        {
            throw new InboundItemRejectedException($"corrupt {format} image: the header of page {index + 1} cannot be read");
        }

        return (width, height);
    }

    public PixHandle Decode(int index)
    {
        PixHandle pix;
        fixed (byte* p = data)
        {
            pix = format == DocumentFormat.Tiff
                ? LeptonicaApi.pixReadMemTiff(p, (nuint)data.Length, index)
                : LeptonicaApi.pixReadMem(p, (nuint)data.Length);
        }

        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw new InboundItemRejectedException($"corrupt {format} image: page {index + 1} cannot be decoded");
        }

        return pix;
    }

    private static int CountTiffPages(byte[] data)
    {
        fixed (byte* p = data)
        {
            var file = LeptonicaApi.fopenReadFromMemory(p, (nuint)data.Length);
            if (file == IntPtr.Zero)
            {
                throw new InboundItemRejectedException("corrupt TIFF: cannot be opened");
            }

            try
            {
                if (LeptonicaApi.tiffGetCount(file, out var count) != 0 || count <= 0)
                {
                    throw new InboundItemRejectedException("corrupt TIFF: no readable page directory");
                }

                return count;
            }
            finally
            {
                LeptonicaApi.lept_fclose(file);
            }
        }
    }
}
