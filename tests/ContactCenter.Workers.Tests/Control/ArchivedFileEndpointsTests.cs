using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>
/// Archived files over the control API, from the running service's archive: a ticket's originals and attachments, and
/// the originals of quarantined and held spam items (also saved by <c>quarantine save</c> and <c>spam save</c>).
/// </summary>
[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class ArchivedFileEndpointsTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-ticket-files");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TicketFile_IsADownloadOfTheArchivedBytes_OnlyThroughItsOwnTicket()
    {
        await using var service = await AttachmentMail.StartServiceAsync(folder);
        var (damage, other) = await TicketsAsync(service.Http);
        var number = damage.GetProperty("number").GetString()!;
        var files = Attachments(damage);
        files.Keys.Should().BeEquivalentTo(["relazione.html", "foto danni.jpg"], "names are sanitised at ingest");

        using var photo = await service.Http.GetAsync(Url(number, files["foto danni.jpg"]));
        photo.StatusCode.Should().Be(HttpStatusCode.OK);
        (await photo.Content.ReadAsByteArrayAsync()).Should().Equal(AttachmentMail.Photo);
        photo.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        photo.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        photo.Content.Headers.ContentDisposition.FileNameStar.Should().Be("foto danni.jpg");
        photo.Headers.ETag!.Tag.Should().Be($"\"{files["foto danni.jpg"]}\"");
        photo.Headers.CacheControl!.NoStore.Should().BeTrue("these are citizens' documents: no proxy keeps them");

        using var html = await service.Http.GetAsync(Url(number, files["relazione.html"]));
        (await html.Content.ReadAsStringAsync()).Should().Be(AttachmentMail.Html);
        html.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment", "a sender's HTML is never rendered in the backoffice's origin");
        html.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        html.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("sandbox");

        var original = damage.GetProperty("messages")[0].GetProperty("original");
        using var eml = await service.Http.GetAsync(Url(number, original.GetProperty("sha256").GetString()!));
        eml.StatusCode.Should().Be(HttpStatusCode.OK);
        Convert.ToHexStringLower(SHA256.HashData(await eml.Content.ReadAsByteArrayAsync())).Should().Be(original.GetProperty("sha256").GetString());
        Encoding.ASCII.GetString(await eml.Content.ReadAsByteArrayAsync()).Should().Contain(AttachmentMail.DamageSubject);

        using var range = new HttpRequestMessage(HttpMethod.Get, Url(number, files["foto danni.jpg"]));
        range.Headers.Range = new RangeHeaderValue(1000, 1099);
        using var part = await service.Http.SendAsync(range);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent, "a large scan can be fetched again from where a transfer broke");
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(AttachmentMail.Photo[1000..1100]);

        var otherFile = Attachments(other)["modulo.pdf"];
        (await service.Http.GetAsync(Url(other.GetProperty("number").GetString()!, otherFile))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await service.Http.GetAsync(Url(number, otherFile))).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "an archived file is served only through a ticket that refers to it");
        (await service.Http.GetAsync(Url("PC-2026-999999", files["foto danni.jpg"]))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await service.Http.GetAsync($"api/tickets/{number}/files/..%2F..%2Ftickets.db")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TicketFile_MissingFromTheArchive_IsAnErrorThatNamesIt_NotANotFound()
    {
        await using var service = await AttachmentMail.StartServiceAsync(folder);
        var (damage, _) = await TicketsAsync(service.Http);
        var sha = Attachments(damage)["foto danni.jpg"];
        var original = damage.GetProperty("messages")[0].GetProperty("original").GetProperty("sha256").GetString()!;
        File.Delete(folder.Combine("data", "archive", original[..2], original[2..4], original));

        using var response = await service.Http.GetAsync(Url(damage.GetProperty("number").GetString()!, sha));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Contain(original, "the photo is read from the original, the file that is gone").And.Contain("not in the archive");
    }

    [Fact]
    public async Task TicketFile_AttachmentsOriginalDamaged_IsAnErrorThatSaysSo_NeverOtherBytes()
    {
        await AttachmentMail.IngestOnceAsync(folder);
        var key = ApiKeyHash.NewKey();
        await using var service = await SecuredServiceHost.StartAsync(folder, new Dictionary<string, (string, string)> { ["archivio"] = ("Reader", ApiKeyHash.Of(key)) });
        using var reader = service.Remote(key);
        var (damage, _) = await TicketsAsync(reader);
        var sha = Attachments(damage)["foto danni.jpg"];
        var original = damage.GetProperty("messages")[0].GetProperty("original").GetProperty("sha256").GetString()!;
        var slice = damage.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("sha256").GetString() == sha).GetProperty("inOriginal");
        slice.GetProperty("sha256").GetString().Should().Be(original);
        var path = folder.Combine("data", "archive", original[..2], original[2..4], original);
        var bytes = await File.ReadAllBytesAsync(path);
        var inPhoto = (int)((slice.GetProperty("start").GetInt64() + slice.GetProperty("end").GetInt64()) / 2);
        bytes[inPhoto] = bytes[inPhoto] == (byte)'A' ? (byte)'B' : (byte)'A';
        await File.WriteAllBytesAsync(path, bytes);

        using var response = await reader.GetAsync(Url(damage.GetProperty("number").GetString()!, sha));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Contain("File damaged in the archive").And.Contain(original).And.Contain(sha);
        service.Logs.Entries.Should().Contain(e => e.EventId == 1926 && e.Message.Contains(original));
        service.Logs.Entries.Should().NotContain(e => e.Message.Contains("foto danni"), "a file's name can name a person: the log has its hash");
    }

    [Fact]
    public async Task TicketFile_OverTheNetwork_NeedsAKey_AndEachReadIsLoggedWithTheKeysName()
    {
        await AttachmentMail.IngestOnceAsync(folder);
        var key = ApiKeyHash.NewKey();
        await using var service = await SecuredServiceHost.StartAsync(folder, new Dictionary<string, (string, string)> { ["archivio"] = ("Reader", ApiKeyHash.Of(key)) });
        using var reader = service.Remote(key);
        using var anonymous = service.Remote();
        var (damage, _) = await TicketsAsync(reader);
        var sha = Attachments(damage)["foto danni.jpg"];
        var url = Url(damage.GetProperty("number").GetString()!, sha);

        (await anonymous.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetStringAsync("openapi/v1.json")).Should().Contain("/api/tickets/{number}/files/{sha256}");
        (await reader.GetByteArrayAsync(url)).Should().Equal(AttachmentMail.Photo);

        var read = service.Logs.Entries.Where(e => e.EventId == 1908).Should().ContainSingle().Which.Message;
        read.Should().Contain(sha).And.Contain("archivio");
        service.Logs.Entries.Should().NotContain(e => e.Message.Contains("foto danni"), "a file's name can name a person: the log has its hash");
    }

    [Fact]
    public async Task QuarantinedAndSpamOriginals_AreDownloads_AndSaveWritesThem_FromTheStoreOrThroughTheService()
    {
        var data = folder.Combine("data");
        var broken = "From: ignoto@example.it\r\nSubject: =?x?Q?rotto\r\n\r\n<html><script>alert(1)</script>"u8.ToArray();
        var id = await Cli.KnownStore.QuarantineAsync(data, "urp", broken, "rotto.eml", "Intestazione illeggibile");
        var spam = "From: vincite@example.biz\r\nSubject: Hai vinto\r\n\r\nClicca qui"u8.ToArray();
        var spamId = await HoldSpamAsync(data, spam);
        var config = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data }, Control = new { Enabled = false } });

        var local = await CliRun.RunAsync(null, "quarantine", "save", $"{id}", "--to", folder.Combine("q"), "--config", config);
        var localSpam = await CliRun.RunAsync(null, "spam", "save", $"{spamId}", "--to", folder.Combine("s"), "--config", config);

        local.ExitCode.Should().Be(0, local.Error);
        File.ReadAllBytes(folder.Combine("q", "rotto.eml")).Should().Equal(broken);
        localSpam.ExitCode.Should().Be(0, localSpam.Error);
        File.ReadAllBytes(folder.Combine("s", "hai-vinto.eml")).Should().Equal(spam);
        (await CliRun.RunAsync(null, "quarantine", "save", "999", "--config", config)).Error.Should().Contain("No quarantined item 999");

        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        using var original = await service.Http.GetAsync($"api/quarantine/{id}/original");
        original.StatusCode.Should().Be(HttpStatusCode.OK);
        (await original.Content.ReadAsByteArrayAsync()).Should().Equal(broken);
        original.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        original.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        original.Headers.ETag!.Tag.Should().Be($"\"{Convert.ToHexStringLower(SHA256.HashData(broken))}\"");
        (await service.Http.GetByteArrayAsync($"api/spam/{spamId}/original")).Should().Equal(spam);
        (await service.Http.GetAsync("api/quarantine/999/original")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await service.Http.GetAsync("api/spam/999/original")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var through = await CliRun.RunAsync(null, "quarantine", "save", $"{id}", "--to", folder.Combine("q2"), "--config", service.Config);
        through.ExitCode.Should().Be(0, through.Error);
        File.ReadAllBytes(folder.Combine("q2", "rotto.eml")).Should().Equal(broken);
    }

    private static async Task<int> HoldSpamAsync(string data, byte[] original)
    {
        using var store = Core.Storage.TicketStoreFactory.Open(Cli.KnownStore.Options(data));
        var stored = await Core.Storage.TicketStoreFactory.OpenArchive(Cli.KnownStore.Options(data))
            .StoreAsync(new MemoryStream(original), "hai-vinto.eml", "message/rfc822", CancellationToken.None);
        var record = await store.HoldSpamAsync(new Core.Storage.SpamRecord
        {
            SourceKey = "email:spam-1", ChannelName = "urp", Subject = "Hai vinto", Score = 18.5, At = DateTimeOffset.UtcNow, Original = stored,
        }, CancellationToken.None);
        return record.Id;
    }

    internal static async Task<(JsonElement Damage, JsonElement Other)> TicketsAsync(HttpClient http)
    {
        var tickets = (await http.GetFromJsonAsync<JsonElement>("api/tickets")).EnumerateArray().ToList();
        return (tickets.Single(t => t.GetProperty("subject").GetString() == AttachmentMail.DamageSubject),
            tickets.Single(t => t.GetProperty("subject").GetString() == AttachmentMail.OtherSubject));
    }

    internal static Dictionary<string, string> Attachments(JsonElement ticket) =>
        ticket.GetProperty("attachments").EnumerateArray().ToDictionary(a => a.GetProperty("fileName").GetString()!, a => a.GetProperty("sha256").GetString()!);

    internal static string Url(string number, string sha256) => $"api/tickets/{number}/files/{sha256}";
}
