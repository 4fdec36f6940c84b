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
    public void Validate_RemoteUrlInUrl_FailsNamingTheKeyAndTheWayToOpenIt(string url)
    {
        var result = new ControlOptionsValidator().Validate(null, new ControlOptions { Url = url });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ContactCenter:Control:Url").And.Contain("not a loopback address").And.Contain("ContactCenter:Control:RemoteUrl");
    }

    [Fact]
    public void Validate_AllowRemote_IsRefusedNamingTheKey() =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { AllowRemote = true }).FailureMessage
            .Should().Contain("ContactCenter:Control:AllowRemote: no longer supported");

    [Fact]
    public void Validate_RemoteUrlWithTlsAndKeys_Passes() =>
        new ControlOptionsValidator().Validate(null, Remote("https://0.0.0.0:5281")).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://0.0.0.0:5281", "ContactCenter:Control:RemoteUrl: 'http://0.0.0.0:5281' is not an https URL")]
    [InlineData("https://0.0.0.0", "ContactCenter:Control:RemoteUrl: 'https://0.0.0.0' needs an explicit port")]
    [InlineData("https://0.0.0.0:5280", "is already ContactCenter:Control:Url's")]
    public void Validate_RemoteUrlNotHttpsWithPort_FailsNamingTheKey(string url, string message) =>
        new ControlOptionsValidator().Validate(null, Remote(url)).FailureMessage.Should().Contain(message);

    [Fact]
    public void Validate_RemoteUrlWithoutCertificate_FailsNamingTheKey()
    {
        var options = Remote("https://0.0.0.0:5281");
        options.Certificate = new();

        new ControlOptionsValidator().Validate(null, options).FailureMessage.Should().Contain("ContactCenter:Control:Certificate:Path: required");
    }

    [Fact]
    public void Validate_RemoteUrlWithoutKeys_FailsNamingTheKey()
    {
        var options = Remote("https://0.0.0.0:5281");
        options.ApiKeys.Clear();

        new ControlOptionsValidator().Validate(null, options).FailureMessage.Should().Contain("ContactCenter:Control:ApiKeys: at least one key is required");
    }

    [Fact]
    public void Validate_MalformedKeyHash_FailsNamingTheKey()
    {
        var options = Remote("https://0.0.0.0:5281");
        options.ApiKeys["crm"] = new ControlApiKeyOptions { Hash = "cc_the-key-itself", Role = ControlRole.Operator };

        new ControlOptionsValidator().Validate(null, options).FailureMessage.Should().Contain("ContactCenter:Control:ApiKeys:crm:Hash");
    }

    private static ControlOptions Remote(string url) => new()
    {
        RemoteUrl = url,
        Certificate = new ControlCertificateOptions { Path = "/etc/contactcenter/credentials/control.pfx" },
        ApiKeys = { ["crm"] = new ControlApiKeyOptions { Hash = ApiKeyHash.Of("cc_test"), Role = ControlRole.Operator } },
    };

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

    [Fact]
    public void Validate_NegativeMinFreeDiskBytes_FailsNamingTheKey() =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { MinFreeDiskBytes = -1 }).FailureMessage
            .Should().Contain("ContactCenter:Control:MinFreeDiskBytes: must be 0 (no check) or more");

    [Fact]
    public void Validate_NonPositiveBackupMaxAge_FailsNamingTheKey() =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { BackupMaxAge = TimeSpan.FromHours(-1) }).FailureMessage
            .Should().Contain("ContactCenter:Control:BackupMaxAge: must be positive");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_MailboxQuotaWarningPercentOutOfRange_FailsNamingTheKey(int percent) =>
        new ControlOptionsValidator().Validate(null, new ControlOptions { MailboxQuotaWarningPercent = percent }).FailureMessage
            .Should().Contain("ContactCenter:Control:MailboxQuotaWarningPercent: must be from 0 (no check) to 100");
}
