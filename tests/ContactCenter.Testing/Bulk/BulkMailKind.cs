namespace ContactCenter.Testing.Bulk;

/// <summary>What a generated message looks like.</summary>
public enum BulkMailKind
{
    /// <summary>A short plain-text request (90 of every 100).</summary>
    Text,

    /// <summary>HTML with a plain alternative and an inline image (9 of every 100).</summary>
    HtmlWithInlineImage,

    /// <summary>Plain text with a PDF attachment of about 2 MB (1 of every 100).</summary>
    TextWithPdf,
}
