using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Control;

public sealed class ControlApiMetadataTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-api-metadata");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task GetTicket_CertifiedMail_ReturnsThePecMetadata()
    {
        var pec = Directory.CreateDirectory(folder.Combine("pec")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "pec", "01-segnalazione-comune.eml"), Path.Combine(pec, "01.eml"));
        var channels = new Dictionary<string, object>
        {
            ["pec"] = new { Type = "MailDrop", Pec = true, Path = pec, DonePath = folder.Combine("done"), StableFor = "00:00:00", Interval = "00:00:01" },
        };
        await using var service = await ServiceTestHost.StartAsync(folder.Path, channels);
        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 1, TimeSpan.FromSeconds(60));

        var list = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        var number = list[0].GetProperty("number").GetString();
        var ticket = await service.Http.GetFromJsonAsync<JsonElement>($"api/tickets/{number}");

        var metadata = ticket.GetProperty("metadata");
        metadata.GetProperty("pec.provider").GetString().Should().Be("GESTORE PEC DI ESEMPIO S.p.A.");
        metadata.GetProperty("pec.id").GetString().Should().Be("opec292.20260316101502.30211.527.1.61@pec.gestore.example.it");
        metadata.GetProperty("pec.acceptedAt").GetString().Should().Be("2026-03-16T10:15:02+01:00");
    }
}
