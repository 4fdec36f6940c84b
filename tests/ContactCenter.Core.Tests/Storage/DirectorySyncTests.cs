using ContactCenter.Core.Storage;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Storage;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds()
    {
        using var temp = new TempDirectory("cc-dirsync");

        ((Action)(() => DirectorySync.Flush(temp.Path))).Should().NotThrow();
    }

    [Fact]
    public void Flush_MissingDirectory_ThrowsOnLinux()
    {
        var act = () => DirectorySync.Flush(Path.Combine(Path.GetTempPath(), $"cc-missing-{Guid.NewGuid():N}"));

        if (OperatingSystem.IsLinux())
        {
            act.Should().Throw<IOException>().WithMessage("*cc-missing-*");
        }
        else
        {
            act.Should().NotThrow();
        }
    }
}
