using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using LiteDB;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// <c>store verify</c> on the embedded store: every archived file the store names read back and re-hashed, while the
/// real service runs (the names come from its snapshot) or with it stopped; a damaged or missing file fails it by name.
/// </summary>
public sealed class StoreVerifyTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-store-verify");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Verify_WhileTheServiceRuns_ReadsBackEveryFileTheStoreNames()
    {
        await using var service = await AttachmentMail.StartServiceAsync(folder);

        var result = await CliRun.RunAsync(null, "store", "verify", "--json", "--config", service.Config);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        report.GetProperty("sound").GetBoolean().Should().BeTrue();
        var referenced = report.GetProperty("referenced").GetInt32();
        referenced.Should().Be(2, "the two originals, which hold the photo, the HTML report and the form");
        report.GetProperty("verified").GetInt32().Should().Be(referenced);
        report.GetProperty("verifiedBytes").GetInt64().Should().BeGreaterThan(AttachmentMail.Photo.Length);
        report.GetProperty("slices").GetInt32().Should().Be(3, "the photo, the HTML report and the form, each read from its original");
        report.GetProperty("slicesVerified").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Verify_SliceRecordAltered_OriginalsSound_FailsNamingTheAttachment()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        string photo;
        using (var db = new LiteDatabase(new ConnectionString { Filename = folder.Combine("data", "tickets.db"), Connection = ConnectionType.Direct }))
        {
            var tickets = db.GetCollection("tickets");
            // The ticket's attachments are kept once, in its first message.
            var ticket = tickets.FindAll().Single(t => t["Messages"][0]["Attachments"].AsArray.Any(a => a["FileName"].AsString.EndsWith(".jpg", StringComparison.Ordinal)));
            var attachment = ticket["Messages"][0]["Attachments"].AsArray.Select(a => a.AsDocument).Single(a => a["FileName"].AsString.EndsWith(".jpg", StringComparison.Ordinal));
            photo = attachment["Sha256"].AsString;
            var slice = attachment["InOriginal"].AsDocument;
            slice["Start"] = Convert.ToInt64(slice["Start"].RawValue, System.Globalization.CultureInfo.InvariantCulture) + 4;
            tickets.Update(ticket).Should().BeTrue();
            db.Checkpoint();
        }

        var full = await CliRun.RunAsync(null, "store", "verify", "--config", config);
        var quick = await CliRun.RunAsync(null, "store", "verify", "--quick", "--config", config);

        full.ExitCode.Should().Be(1, full.Output + full.Error);
        full.Output.Should().Contain("2 of the 2 file(s) the store names read back and re-hashed sound")
            .And.Contain("Attachments read from their originals: 2 of 3 decoded and hashing to their names.",
                "the message's list holds the altered record, and the ticket's is that same list");
        full.Error.Should().Contain("NOT sound (1 problem(s))").And.Contain($"attachment {photo}: its slice of original")
            .And.Contain("the ticket's record of where it lies is wrong");
        quick.ExitCode.Should().Be(0, "--quick only checks that the files are there: " + quick.Error);
    }

    [Fact]
    public async Task Verify_FileDamagedAndFileMissing_FailsNamingEach_QuickFindsOnlyTheMissingOne()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        // The two messages' originals (the attachments are read from them); the one with the photo is the larger.
        var blobs = Directory.GetFiles(folder.Combine("data", "archive"), "*", SearchOption.AllDirectories).OrderBy(f => new FileInfo(f).Length).ToList();
        blobs.Should().HaveCount(2);
        var (form, photo) = (blobs[0], blobs[1]);
        var damaged = File.ReadAllBytes(photo);
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(photo, damaged);
        File.Delete(form);

        var full = await CliRun.RunAsync(null, "store", "verify", "--config", config);
        var quick = await CliRun.RunAsync(null, "store", "verify", "--quick", "--config", config);

        full.ExitCode.Should().Be(1, full.Output + full.Error);
        full.Error.Should().Contain("NOT sound (2 problem(s))")
            .And.Contain($"{Path.GetFileName(photo)}: its content hashes to").And.Contain("damaged in the archive")
            .And.Contain($"{Path.GetFileName(form)}: named by the store, not in the archive");
        quick.ExitCode.Should().Be(1, quick.Output + quick.Error);
        quick.Error.Should().Contain("1 problem(s)").And.Contain(Path.GetFileName(form)).And.NotContain(Path.GetFileName(photo));
        quick.Output.Should().Contain("not re-hashed: --quick");
    }
}
