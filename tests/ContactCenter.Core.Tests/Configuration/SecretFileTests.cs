using ContactCenter.Core.Configuration;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Configuration;

public sealed class SecretFileTests
{
    [Fact]
    public void Resolve_RelativeNameAmongCredentials_IsTheCredential()
    {
        using var credentials = new TempDirectory("cc-cred");
        File.WriteAllText(credentials.Combine("tracking.key"), "x");

        SecretFile.Resolve("tracking.key", credentials.Path).Should().Be(credentials.Combine("tracking.key"));
    }

    /// <summary>A unit with any <c>LoadCredential=</c> has the variable set; a secret kept beside the service must still be found.</summary>
    [Fact]
    public void Resolve_RelativeNameNotAmongCredentials_IsAPathFromTheWorkingDirectory()
    {
        using var credentials = new TempDirectory("cc-cred");

        SecretFile.Resolve(Path.Combine("secrets", "tracking.key"), credentials.Path)
            .Should().Be(Path.GetFullPath(Path.Combine("secrets", "tracking.key")));
    }

    [Fact]
    public void Resolve_RootedPath_IsKeptEvenWhenACredentialHasItsName()
    {
        using var credentials = new TempDirectory("cc-cred");
        using var elsewhere = new TempDirectory("cc-secret");
        File.WriteAllText(credentials.Combine("db.pass"), "x");

        SecretFile.Resolve(elsewhere.Combine("db.pass"), credentials.Path).Should().Be(elsewhere.Combine("db.pass"));
    }
}
