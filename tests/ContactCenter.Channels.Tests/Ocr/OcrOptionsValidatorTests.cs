using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class OcrOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new OcrOptionsValidator().Validate(null, new OcrOptions());

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [Fact]
    public void Validate_BadValues_NameEachKey()
    {
        var options = new OcrOptions
        {
            Languages = "ita eng",
            EngineCount = 0,
            MaxPages = 0,
            MaxOcrTimePerPage = TimeSpan.Zero,
            MinConfidence = 120,
            PageSegMode = (OcrPageSegMode)42,
            UpsampleBelowDpi = -1,
            MaxDpi = 100,
        };

        var result = new OcrOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain(f => f.StartsWith("ContactCenter:Ocr:Languages "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:EngineCount "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:MaxPages "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:MaxOcrTimePerPage "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:MinConfidence "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:PageSegMode "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:UpsampleBelowDpi "))
            .And.Contain(f => f.StartsWith("ContactCenter:Ocr:MaxDpi "));
    }
}
