namespace ContactCenter.Channels.Tests;

/// <summary>Tests that set the process-wide <c>CREDENTIALS_DIRECTORY</c> run alone, so no other test resolves a file
/// against a folder it did not make.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CredentialsDirectoryCollection
{
    public const string Name = "CREDENTIALS_DIRECTORY";
}
