using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Receipts;
using ContactCenter.Testing;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Acknowledgement;

/// <summary>The relay's PasswordFile resolves like the mailboxes' one: a bare name is a file in CREDENTIALS_DIRECTORY
/// (systemd's LoadCredential, or the locked credentials folder the Windows installer sets on the service).</summary>
[Collection(CredentialsDirectoryCollection.Name)]
public sealed class SmtpPasswordTests : IDisposable
{
    private readonly TempDirectory credentials = new("cc-cred");
    private readonly string? previous = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");

    public SmtpPasswordTests() => Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", credentials.Path);

    [Fact]
    public async Task Resolve_RelativePasswordFile_ComesFromCredentialsDirectory()
    {
        await File.WriteAllTextAsync(credentials.Combine("smtp-relay"), "r3lay-s3cret\r\n");

        var password = await SmtpPassword.ResolveAsync(new SmtpOptions { PasswordFile = "smtp-relay" }, CancellationToken.None);

        password.Should().Be("r3lay-s3cret");
    }

    [Fact]
    public async Task Validate_RelativePasswordFileInCredentialsDirectory_IsValid()
    {
        await File.WriteAllTextAsync(credentials.Combine("smtp-relay"), "r3lay-s3cret");

        var result = Validate(new SmtpOptions { Host = "smtp.example.it", PasswordFile = "smtp-relay" });

        result.Failed.Should().BeFalse(result.FailureMessage);
    }

    [Fact]
    public void Validate_RelativePasswordFileMissingFromCredentialsDirectory_NamesIt()
    {
        var result = Validate(new SmtpOptions { Host = "smtp.example.it", PasswordFile = "smtp-missing" });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("PasswordFile 'smtp-missing' not found");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", previous);
        credentials.Dispose();
    }

    private static ValidateOptionsResult Validate(SmtpOptions options) =>
        new SmtpOptionsValidator(Options.Create(new ReceiptOptions { Enabled = true })).Validate(null, options);
}
