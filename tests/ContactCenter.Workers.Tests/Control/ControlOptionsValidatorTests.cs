using ContactCenter.Workers.Control;

namespace ContactCenter.Workers.Tests.Control;

public sealed class ControlOptionsValidatorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5280")]
    [InlineData("http://localhost:5280")]
    [InlineData("http://[::1]:5280")]
    [InlineData("http://127.0.0.2:9000")]
    public void Validate_LoopbackUrl_Passes(string url) =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { Url = url }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://0.0.0.0:5280")]
    [InlineData("http://192.168.1.10:5280")]
    [InlineData("http://backoffice.example.it:5280")]
    public void Validate_RemoteUrlWithoutAllowRemote_FailsNamingTheKey(string url)
    {
        var result = new ControlOptionsValidator().Validate(null, new ControlOptions { Url = url });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ContactCenter:Control:Url").And.Contain("not a loopback address").And.Contain("ContactCenter:Control:AllowRemote");
    }

    [Fact]
    public void Validate_RemoteUrlWithAllowRemote_Passes() =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { Url = "http://0.0.0.0:5280", AllowRemote = true }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("127.0.0.1:5280", "is not an http URL")]
    [InlineData("https://127.0.0.1:5280", "is not an http URL")]
    [InlineData("http://127.0.0.1:5280/control", "is not an http URL")]
    [InlineData("http://127.0.0.1", "needs an explicit port")]
    public void Validate_MalformedUrl_FailsNamingTheKey(string url, string message) =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { Url = url }).FailureMessage
            .Should().Contain("ContactCenter:Control:Url").And.Contain(message);

    [Fact]
    public void Validate_NonPositiveUnhealthyAfter_FailsNamingTheKey() =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { ChannelUnhealthyAfter = TimeSpan.Zero }).FailureMessage
            .Should().Contain("ContactCenter:Control:ChannelUnhealthyAfter: must be positive");
}
