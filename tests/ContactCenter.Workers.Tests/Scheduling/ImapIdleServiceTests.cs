using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.EndToEnd;
using MimeKit;

namespace ContactCenter.Workers.Tests.Scheduling;

[Collection(DovecotFixture.Collection)]
public sealed class ImapIdleServiceTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-idle");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Service_MailArrivesBetweenHourlyPolls_BecomesATicketThroughIdle()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("idle");
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new Dictionary<string, object>
        {
            ["urp"] = new
            {
                Type = "Imap", Host = DovecotServer.Host, Port = server.ImapPort, Security = "None", User = user,
                Password = DovecotServer.Password, Interval = "01:00:00",
            },
        });
        await service.WaitForStatusAsync(s => Urp(s).GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(60));

        // The first poll ran at start and the next is an hour away: only IDLE can bring these in now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await server.AppendAsync(user, CitizenMail.Request(1, "idle"));
        await server.AppendAsync(user, CitizenMail.Request(2, "idle"));

        var status = await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() == 2, TimeSpan.FromSeconds(60));
        status.GetProperty("tickets").GetInt32().Should().Be(2);
        (await server.CountAsync(user, "Processed")).Should().Be(2);
        var tickets = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        tickets.ToString().Should().Contain("Richiesta n. 1 (idle)").And.Contain("Richiesta n. 2 (idle)");
    }

    private static JsonElement Urp(JsonElement status) =>
        status.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "urp");
}
