using BitMiracle.LibTiff.Classic;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>Writes a small one-page G4 fax TIFF with HylaFAX's tags, the way the gateway leaves it in recvq/.</summary>
internal static class TestFaxTiff
{
    public static void Write(string path, string? imageDescription, string? dateTime = null)
    {
        const int width = 1728, height = 64;
        using var tiff = Tiff.Open(path, "w") ?? throw new InvalidOperationException("cannot create " + path);
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
        tiff.SetField(TiffTag.FILLORDER, FillOrder.LSB2MSB);
        tiff.SetField(TiffTag.XRESOLUTION, 204.0);
        tiff.SetField(TiffTag.YRESOLUTION, 196.0);
        tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
        tiff.SetField(TiffTag.ROWSPERSTRIP, height);
        if (imageDescription is not null)
        {
            tiff.SetField(TiffTag.IMAGEDESCRIPTION, imageDescription);
        }

        if (dateTime is not null)
        {
            tiff.SetField(TiffTag.DATETIME, dateTime);
        }

        var row = new byte[width / 8];
        for (var y = 0; y < height; y++)
        {
            Array.Fill(row, (byte)(y % 8 == 0 ? 0xFF : 0x00));
            tiff.WriteScanline(row, y);
        }

        tiff.WriteDirectory();
    }
}
