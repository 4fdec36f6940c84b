using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class TempFolderTests
{
    [Fact]
    public void Create_InSharedTemp_OnlyTheServiceAccountCanEnter()
    {
        using var folder = new TempFolder();

        // Rendered pages of citizens' letters land here, inside the machine-wide temp folder.
        Directory.Exists(folder.Path).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(folder.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
