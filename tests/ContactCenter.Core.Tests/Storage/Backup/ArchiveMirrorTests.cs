using System.Security.Cryptography;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Storage.Backup;

public sealed class ArchiveMirrorTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-mirror");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Copy_NewBlobsOnly_DamagedOneReportedNotCopied_AgainCopiesNothing()
    {
        var source = _temp.Combine("archive");
        var target = _temp.Combine("backup", "archive");
        var kept = Blob(source, "già nel backup"u8.ToArray());
        var fresh = Blob(source, RandomNumberGenerator.GetBytes(200_000));
        var damaged = Blob(source, "lettera scansionata"u8.ToArray());
        File.WriteAllText(Path.Combine(source, damaged[..2], damaged[2..4], damaged), "altered");
        File.WriteAllText(Path.Combine(source, fresh[..2], fresh[2..4], $"{fresh}.0123.tmp"), "a write in progress");
        Blob(target, "già nel backup"u8.ToArray());

        var first = await ArchiveMirror.CopyAsync(source, target, default);

        (first.Present, first.Copied, first.CopiedBytes).Should().Be((1, 1, 200_000L));
        first.Problems.Should().ContainSingle().Which.Should().Contain(damaged).And.Contain("damaged");
        File.ReadAllBytes(Path.Combine(target, fresh[..2], fresh[2..4], fresh)).Should().Equal(File.ReadAllBytes(Path.Combine(source, fresh[..2], fresh[2..4], fresh)));
        Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().BeEquivalentTo([kept, fresh]);

        var again = await ArchiveMirror.CopyAsync(source, target, default);

        (again.Present, again.Copied).Should().Be((2, 0));
    }

    [Fact]
    public async Task Verify_FileDamagedInTheCopy_IsCopiedAgain_OrReportedWhenTheOriginalIsDamagedToo()
    {
        var source = _temp.Combine("archive");
        var target = _temp.Combine("backup", "archive");
        var photo = Blob(source, RandomNumberGenerator.GetBytes(50_000));
        var letter = Blob(source, RandomNumberGenerator.GetBytes(20_000));
        var sound = Blob(source, "intatto"u8.ToArray());
        await ArchiveMirror.CopyAsync(source, target, default);
        ArchivedBlobDamage.FlipLastByte(target, photo);
        ArchivedBlobDamage.FlipLastByte(target, letter);
        ArchivedBlobDamage.FlipLastByte(source, letter);

        var verification = await ArchiveMirror.VerifyAsync(source, target, [photo, letter, sound], default);

        (verification.Verified, verification.Repaired).Should().Be((1, 1));
        File.ReadAllBytes(Path.Combine(target, photo[..2], photo[2..4], photo)).Should().Equal(File.ReadAllBytes(Path.Combine(source, photo[..2], photo[2..4], photo)));
        verification.Problems.Should().ContainSingle().Which.Should().Contain(letter).And.Contain("damaged in the backup");
    }

    [Fact]
    public async Task Copy_NoArchiveYet_IsEmpty()
    {
        var report = await ArchiveMirror.CopyAsync(_temp.Combine("none"), _temp.Combine("backup"), default);

        (report.Present, report.Copied, report.Problems.Count).Should().Be((0, 0, 0));
    }

    private static string Blob(string root, byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var folder = Path.Combine(root, sha[..2], sha[2..4]);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, sha), bytes);
        return sha;
    }
}
