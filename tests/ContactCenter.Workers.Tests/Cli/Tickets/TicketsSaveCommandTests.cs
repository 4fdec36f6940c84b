using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli.Tickets;

/// <summary><c>tickets save</c>: a ticket's files written out, from the store or through the running service, checked by hash.</summary>
public sealed class TicketsSaveCommandTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-tickets-save");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Save_WritesEveryFileOfTheTicket_NeverOverAnExistingOne()
    {
        var (config, number) = await IngestAsync();
        var to = folder.Combine("pratica");

        var first = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--json", "--config", config);

        first.ExitCode.Should().Be(0, first.Error);
        var saved = JsonDocument.Parse(first.Output).RootElement.EnumerateArray().ToList();
        saved.Select(f => Path.GetFileName(f.GetProperty("path").GetString())).Should().HaveCount(3).And.Contain(["relazione.html", "foto danni.jpg"]);
        File.ReadAllBytes(Path.Combine(to, "foto danni.jpg")).Should().Equal(AttachmentMail.Photo);
        File.ReadAllText(Path.Combine(to, "relazione.html")).Should().Be(AttachmentMail.Html);
        foreach (var file in saved)
        {
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.GetProperty("path").GetString()!))).Should().Be(file.GetProperty("sha256").GetString());
        }

        Directory.GetFiles(to).Should().HaveCount(3, "nothing half-written is left beside them");

        var again = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--file", "FOTO DANNI.JPG", "--config", config);

        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Should().Contain("foto danni (2).jpg");
        File.ReadAllBytes(Path.Combine(to, "foto danni (2).jpg")).Should().Equal(AttachmentMail.Photo);
        Directory.GetFiles(to).Should().HaveCount(4);

        var unknown = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--file", "perizia.pdf", "--config", config);

        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("no file 'perizia.pdf'").And.Contain("foto danni.jpg");
    }

    [Fact]
    public async Task Save_ArchiveCopyDamagedOrMissing_SavesNothingAndSaysWhy()
    {
        var (config, number) = await IngestAsync();
        var show = await CliRun.RunAsync(null, "tickets", "show", number, "--json", "--config", config);
        var ticket = JsonDocument.Parse(show.Output).RootElement;
        var sha = ArchivedFileEndpointsTests.Attachments(ticket)["foto danni.jpg"];
        // The photo is read from the message's original, where it came: that is the archive's copy to damage.
        var original = ticket.GetProperty("messages")[0].GetProperty("original").GetProperty("sha256").GetString()!;
        var blob = folder.Combine("data", "archive", original[..2], original[2..4], original);
        var slice = ticket.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("sha256").GetString() == sha).GetProperty("inOriginal");
        var bytes = File.ReadAllBytes(blob);
        var inPhoto = (int)((slice.GetProperty("start").GetInt64() + slice.GetProperty("end").GetInt64()) / 2);
        bytes[inPhoto] = bytes[inPhoto] == (byte)'A' ? (byte)'B' : (byte)'A';
        File.WriteAllBytes(blob, bytes);
        var to = folder.Combine("pratica");

        var damaged = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--file", sha, "--config", config);

        damaged.ExitCode.Should().Be(1);
        damaged.Error.Should().Contain("damaged").And.Contain(sha).And.Contain(original);
        Directory.GetFileSystemEntries(to).Should().BeEmpty();

        File.Delete(blob);
        var missing = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--file", sha, "--config", config);

        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("not in the archive").And.Contain(number);
        Directory.GetFileSystemEntries(to).Should().BeEmpty();
    }

    [Fact]
    public async Task Save_WhileTheServiceRuns_ReadsThroughItsControlEndpoint()
    {
        await using var service = await AttachmentMail.StartServiceAsync(folder);
        var (damage, _) = await ArchivedFileEndpointsTests.TicketsAsync(service.Http);
        var to = folder.Combine("pratica");

        var save = await CliRun.RunAsync(null, "tickets", "save", damage.GetProperty("number").GetString()!, "--to", to, "--config", service.Config);

        save.ExitCode.Should().Be(0, save.Error);
        save.Output.Should().Contain("Saved foto danni.jpg (1500000 B)");
        File.ReadAllBytes(Path.Combine(to, "foto danni.jpg")).Should().Equal(AttachmentMail.Photo);
        File.ReadAllText(Path.Combine(to, "relazione.html")).Should().Be(AttachmentMail.Html);
        Directory.GetFiles(to, "*.eml").Should().ContainSingle();
    }

    private async Task<(string Config, string Number)> IngestAsync()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config);
        var number = JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets").EnumerateArray()
            .Single(t => t.GetProperty("subject").GetString() == AttachmentMail.DamageSubject).GetProperty("number").GetString()!;
        return (config, number);
    }
}
