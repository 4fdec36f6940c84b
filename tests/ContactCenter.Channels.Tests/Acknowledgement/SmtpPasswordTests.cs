using ContactCenter.Channels.Acknowledgement;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class SmtpPasswordTests
{
    [Fact]
    public async Task Resolve_VariableNamedButNotSet_SaysWhichInsteadOfAnEmptyPassword()
    {
        var options = new SmtpOptions { Host = "smtp.example.it", User = "urp", PasswordEnvironmentVariable = "CC_TEST_SMTP_PASSWORD_" + Guid.NewGuid().ToString("N") };

        var act = async () => await SmtpPassword.ResolveAsync(options, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(options.PasswordEnvironmentVariable).And.Contain("not set");
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("127.0.0.1.example.it", false)]
    [InlineData("smtp.example.it", false)]
    [InlineData("10.0.0.5", false)]
    public void LoopbackHost_Is_OnlyThisMachine(string host, bool loopback) =>
        ContactCenter.Core.Channels.LoopbackHost.Is(host).Should().Be(loopback);
}
