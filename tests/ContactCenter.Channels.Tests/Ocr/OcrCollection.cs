namespace ContactCenter.Channels.Tests.Ocr;

/// <summary>OCR tests share one engine pool and run one class at a time: the machine has few cores.</summary>
[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrFixture>
{
    public const string Name = "Ocr";
}
