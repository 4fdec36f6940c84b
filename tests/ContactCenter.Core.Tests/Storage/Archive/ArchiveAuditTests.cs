using System.Security.Cryptography;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Storage.Archive;

public sealed class ArchiveAuditTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-audit");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Audit_MissingAndDamagedFiles_ReportedByName_SoundOnesCounted()
    {
        var root = _temp.Combine("archive");
        var archive = ContentArchives.InFolder(root);
        var sound = await StoreAsync(archive, RandomNumberGenerator.GetBytes(300_000));
        var damaged = await StoreAsync(archive, "lettera scansionata"u8.ToArray());
        var missing = await StoreAsync(archive, "fax ricevuto"u8.ToArray());
        ArchivedBlobDamage.FlipLastByte(root, damaged);
        File.Delete(ContentArchive.PathIn(root, missing));

        var report = await ArchiveAudit.RunAsync(archive, [sound, damaged, missing], rehash: true, default);

        (report.Referenced, report.Present, report.Verified, report.VerifiedBytes).Should().Be((3, 2, 1, 300_000L));
        report.Sound.Should().BeFalse();
        report.Problems.Should().HaveCount(2);
        report.Problems.Should().ContainSingle(p => p.Contains(damaged) && p.Contains("damaged in the archive"));
        report.Problems.Should().ContainSingle(p => p.Contains(missing) && p.Contains("not in the archive"));
    }

    [Fact]
    public async Task Audit_Quick_FindsTheMissingFile_ButCannotTellADamagedOne()
    {
        var root = _temp.Combine("archive");
        var archive = ContentArchives.InFolder(root);
        var damaged = await StoreAsync(archive, "lettera scansionata"u8.ToArray());
        var missing = await StoreAsync(archive, "fax ricevuto"u8.ToArray());
        ArchivedBlobDamage.FlipLastByte(root, damaged);
        File.Delete(ContentArchive.PathIn(root, missing));

        var report = await ArchiveAudit.RunAsync(archive, [damaged, missing], rehash: false, default);

        (report.Present, report.Verified).Should().Be((1, 0));
        report.Problems.Should().ContainSingle().Which.Should().Contain(missing);
    }

    [Fact]
    public async Task Audit_EverythingSound_IsSound()
    {
        var archive = ContentArchives.InFolder(_temp.Combine("archive"));
        var hashes = new Sha256Set();
        for (var i = 0; i < 20; i++)
        {
            hashes.Add(await StoreAsync(archive, RandomNumberGenerator.GetBytes(1_000 + i)));
        }

        var report = await ArchiveAudit.RunAsync(archive, hashes, rehash: true, default);

        report.Sound.Should().BeTrue();
        (report.Referenced, report.Present, report.Verified).Should().Be((20, 20, 20));
    }

    [Fact]
    public async Task Audit_FilesCheckedBefore_NotReadAgain_TheirFindingsJoinThisPass()
    {
        var root = _temp.Combine("archive");
        var archive = ContentArchives.InFolder(root);
        var sound = await StoreAsync(archive, RandomNumberGenerator.GetBytes(1_000));
        var readSound = await StoreAsync(archive, RandomNumberGenerator.GetBytes(2_000));
        var readDamaged = await StoreAsync(archive, RandomNumberGenerator.GetBytes(3_000));
        // Gone since the earlier read: had this pass read them again, it would say so.
        File.Delete(ContentArchive.PathIn(root, readSound));
        File.Delete(ContentArchive.PathIn(root, readDamaged));
        var checkedBefore = new CheckedArchiveFiles();
        checkedBefore.TryClaim(readSound).Should().BeTrue();
        checkedBefore.TryClaim(readDamaged).Should().BeTrue();
        checkedBefore.TryClaim(readSound).Should().BeFalse("a file is read by its first claimant only");
        checkedBefore.Hashed(readSound, readSound, 2_000).Should().BeTrue();
        checkedBefore.Hashed(readDamaged, new string('0', 64), 3_000).Should().BeFalse();

        var report = await ArchiveAudit.RunAsync(archive, [sound, readSound, readDamaged], rehash: true, default, checkedBefore);

        (report.Referenced, report.Present, report.Verified, report.VerifiedBytes).Should().Be((3, 3, 2, 3_000L));
        report.Problems.Should().Equal(ArchiveAuditReport.Damaged(readDamaged, new string('0', 64)));
    }

    private static async Task<string> StoreAsync(Core.Storage.IContentArchive archive, byte[] bytes) =>
        (await archive.StoreAsync(new MemoryStream(bytes), "file.bin", "application/octet-stream", default)).Sha256;
}
