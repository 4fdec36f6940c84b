namespace ContactCenter.Channels.Ocr;

/// <summary>Tesseract's page segmentation modes worth configuring (values are Tesseract's own).</summary>
internal enum OcrPageSegMode
{
    /// <summary>Fully automatic layout analysis without orientation detection (Tesseract's default).</summary>
    Auto = 3,

    SingleColumn = 4,

    SingleBlock = 6,

    /// <summary>As much text as possible in no particular order: forms, receipts.</summary>
    SparseText = 11,
}
