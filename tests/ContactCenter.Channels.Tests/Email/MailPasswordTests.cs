using ContactCenter.Channels.Email;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Email;

[Collection(CredentialsDirectoryCollection.Name)]
public sealed class MailPasswordTests
{
    [Fact]
    public async Task Read_RelativePasswordFile_ComesFromSystemdCredentialsDirectory()
    {
        using var credentials = new TempDirectory("cc-cred");
        await File.WriteAllTextAsync(credentials.Combine("urp-imap"), "  s3greta\n");
        var previous = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", credentials.Path);
        try
        {
            var password = await MailPassword.ReadAsync(new ImapChannelOptions { PasswordFile = "urp-imap" }, CancellationToken.None);

            password.Should().Be("s3greta");
        }
        finally
        {
            Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", previous);
        }
    }

    [Fact]
    public async Task Read_MissingEnvironmentVariable_NamesIt()
    {
        var options = new Pop3ChannelOptions { PasswordEnvironmentVariable = "CC_TEST_UNSET_PASSWORD_VARIABLE" };

        var act = () => MailPassword.ReadAsync(options, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("CC_TEST_UNSET_PASSWORD_VARIABLE");
    }
}
