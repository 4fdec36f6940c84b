using ContactCenter.Workers.Webhooks;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    [Theory]
    [InlineData("https://crm.example.it/hooks")]
    [InlineData("http://127.0.0.1:8080/hooks")]
    public void Validate_HttpsOrLoopbackHttp_Passes(string url) =>
        Validate(new WebhookEndpointOptions { Url = url, SecretEnvironmentVariable = "CRM_SECRET" }).Succeeded.Should().BeTrue();

    [Fact]
    public void Validate_PlainHttpToTheNetwork_FailsNamingTheKey() =>
        Validate(new WebhookEndpointOptions { Url = "http://crm.example.it/hooks", SecretEnvironmentVariable = "X" }).FailureMessage
            .Should().Contain("ContactCenter:Webhooks:Endpoints:crm:Url").And.Contain("use https");

    [Fact]
    public void Validate_NoOrTwoSecretSources_FailsNamingTheKey()
    {
        Validate(new WebhookEndpointOptions { Url = "https://crm.example.it/" }).FailureMessage
            .Should().Contain("ContactCenter:Webhooks:Endpoints:crm: set exactly one of SecretFile");
        Validate(new WebhookEndpointOptions { Url = "https://crm.example.it/", SecretFile = "a", Secret = "b" }).Failed.Should().BeTrue();
    }

    [Fact]
    public void Validate_UnknownEvent_FailsNamingTheKey() =>
        Validate(new WebhookEndpointOptions { Url = "https://crm.example.it/", SecretFile = "a", Events = ["ticket.deleted"] }).FailureMessage
            .Should().Contain("ContactCenter:Webhooks:Endpoints:crm:Events: 'ticket.deleted'");

    [Fact]
    public void SecretCheck_MissingOrShortSecret_FailsNamingTheKey()
    {
        var missing = new WebhookOptions { Endpoints = { ["crm"] = new() { Url = "https://crm.example.it/", SecretFile = "/nonexistent/crm.secret" } } };
        var act = () => WebhookSecretCheck.ThrowIfUnreadable(missing);
        act.Should().Throw<OptionsValidationException>().WithMessage("*ContactCenter:Webhooks:Endpoints:crm: the secret file /nonexistent/crm.secret does not exist*");

        var shortSecret = new WebhookOptions { Endpoints = { ["crm"] = new() { Url = "https://crm.example.it/", Secret = "corto" } } };
        act = () => WebhookSecretCheck.ThrowIfUnreadable(shortSecret);
        act.Should().Throw<OptionsValidationException>().WithMessage("*shorter than 24 bytes*");
    }

    private static ValidateOptionsResult Validate(WebhookEndpointOptions endpoint) =>
        new WebhookOptionsValidator().Validate(null, new WebhookOptions { Endpoints = { ["crm"] = endpoint } });
}
