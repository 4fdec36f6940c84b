using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Tests.Intake;

public sealed class MultiDraftNormalizerTests
{
    [Theory]
    [InlineData(1, "file:posta/ab12")]
    [InlineData(2, "file:posta/ab12#part2")]
    [InlineData(10, "file:posta/ab12#part10")]
    public void PartSourceKey_FirstPartKeepsTheItemsKey(int part, string expected) =>
        IMultiDraftNormalizer.PartSourceKey("file:posta/ab12", part).Should().Be(expected);
}
