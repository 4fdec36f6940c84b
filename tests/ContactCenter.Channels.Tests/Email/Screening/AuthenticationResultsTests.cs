using ContactCenter.Channels.Email.Screening;

namespace ContactCenter.Channels.Tests.Email.Screening;

public sealed class AuthenticationResultsTests
{
    [Fact]
    public void Parse_Rfc8601ExampleWithCommentsAndVersion_ReadsIdAndEachMethod()
    {
        var results = AuthenticationResults.Parse(
            "MX.Example.IT 1; (our MTA) spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.org;\r\n dkim=fail reason=\"bad; sig\" header.d=example.org;"
            + " dkim=pass header.d=lists.example.net; dmarc = fail (p=reject dis=none) header.from=example.org")!;

        results.AuthServId.Should().Be("mx.example.it");
        results.ResultOf("spf").Should().Be("pass");
        results.ResultOf("dkim").Should().Be("pass", "any passing signature counts");
        results.ResultOf("dmarc").Should().Be("fail");
        results.Results.First(r => r.Method == "spf").Properties["smtp.mailfrom"].Should().Be("example.org");
        results.Results.First(r => r.Method == "dkim").Properties["reason"].Should().Be("bad; sig");
    }

    [Fact]
    public void Parse_NoResult_IsAnIdWithoutResults()
    {
        var results = AuthenticationResults.Parse("mx.example.it; none")!;

        results.AuthServId.Should().Be("mx.example.it");
        results.Results.Should().BeEmpty();
        results.ResultOf("dmarc").Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("mx.example.it; dmarc")]
    [InlineData("a b c; spf=pass")]
    public void Parse_Garbage_ReturnsNullInsteadOfThrowing(string value) =>
        AuthenticationResults.Parse(value).Should().BeNull();

    [Fact]
    public void Parse_ParenthesisInsideQuotes_IsNotAComment()
    {
        var results = AuthenticationResults.Parse("mx.example.it; dkim=pass header.b=\"(x)\" (a comment (nested)) header.d=example.org")!;

        results.Results.Single().Properties.Should().Contain("header.b", "(x)").And.Contain("header.d", "example.org");
    }
}
