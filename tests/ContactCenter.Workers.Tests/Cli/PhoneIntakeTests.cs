using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// <c>tickets open --channel phone</c>: a call that could not be answered at once becomes a ticket through the
/// pipeline (rules, the Phone policy's same-day due date, the operator in the history), idempotent by request id.
/// </summary>
public sealed class PhoneIntakeTests : IDisposable
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private readonly TempDirectory folder = new("cc-phone");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task OpenPhone_WhileTheServiceRuns_GoesThroughTheControlEndpoint_AndARetryOpensNoSecondTicket()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { }, extraConfig: PhonePolicy(folder.Path));
        await service.WaitForStatusAsync(_ => true, TimeSpan.FromSeconds(5));
        string[] open =
        [
            "tickets", "open", "--channel", "phone", "--caller", "+39 06 1234 5678", "--name", "Mario Rossi",
            "--subject", "Contributi alluvione", "--text", "Chiede come presentare la domanda di contributo per i danni dell'alluvione.",
            "--operator", "operatore:anna", "--request-id", "call-20261202-001", "--json", "--config", service.Config,
        ];

        var first = await CliRun.RunAsync(null, open);

        first.ExitCode.Should().Be(0, first.Error);
        var result = JsonDocument.Parse(first.Output).RootElement;
        result.GetProperty("alreadyRegistered").GetBoolean().Should().BeFalse();
        var ticket = result.GetProperty("ticket");
        var number = ticket.GetProperty("number").GetString()!;
        ticket.GetProperty("channel").GetString().Should().Be("Phone");
        ticket.GetProperty("channelName").GetString().Should().Be("phone");
        ticket.GetProperty("sourceKey").GetString().Should().Be("phone:call-20261202-001");
        ticket.GetProperty("sender").GetProperty("phone").GetString().Should().Be("+390612345678");
        ticket.GetProperty("sender").GetProperty("displayName").GetString().Should().Be("Mario Rossi");
        ticket.GetProperty("classification").GetProperty("ruleName").GetString().Should().NotBeNullOrEmpty();
        var received = ticket.GetProperty("history")[0];
        received.GetProperty("kind").GetString().Should().Be("Received");
        received.GetProperty("actor").GetString().Should().Be("operatore:anna");
        received.GetProperty("detail").GetString().Should().StartWith("Ricevuto da phone");
        ShouldBeDueTheSameDay(ticket);
        var stored = await service.Services.GetRequiredService<ITicketStore>().GetAsync(number, CancellationToken.None);
        stored!.Attachments.Should().BeEmpty();
        stored.Messages[0].Original!.FileName.Should().Be("telefonata.json", "the call record is kept as the original");

        var retry = await CliRun.RunAsync(null, open);

        retry.ExitCode.Should().Be(0, retry.Error);
        var again = JsonDocument.Parse(retry.Output).RootElement;
        again.GetProperty("alreadyRegistered").GetBoolean().Should().BeTrue();
        again.GetProperty("ticket").GetProperty("number").GetString().Should().Be(number);
        (await service.Http.GetFromJsonAsync<JsonElement>("api/tickets?channel=phone")).GetArrayLength().Should().Be(1);

        var text = await CliRun.RunAsync(null, "tickets", "open", "--channel", "phone", "--caller", "333 1234567", "--text", "Richiamare",
            "--config", service.Config);
        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().MatchRegex(@"PC-\d{4}-\d{6} opened: level \d .*, due .*\(request id [0-9a-f]{32}\)");

        var bad = await CliRun.RunAsync(null, "tickets", "open", "--channel", "phone", "--caller", "12", "--text", "x", "--config", service.Config);
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("caller: '12' is not a valid phone number");
    }

    [Fact]
    public async Task PostTickets_OpensAPhoneTicket_201ThenTheSameTicket200_AndRefusesAnIncompleteRequest()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { }, extraConfig: PhonePolicy(folder.Path));
        var call = new
        {
            channel = "phone", requestId = "api-1", caller = "3331234567", email = "mario.rossi@example.it",
            subject = "Strada interrotta", text = "Segnala una frana sulla provinciale.", @operator = "backoffice:luca",
        };

        var created = await service.Http.PostAsJsonAsync("api/tickets", call);
        var repeated = await service.Http.PostAsJsonAsync("api/tickets", call);
        var incomplete = await service.Http.PostAsJsonAsync("api/tickets", new { channel = "phone", requestId = "api-2", caller = "3331234567" });
        var fax = await service.Http.PostAsJsonAsync("api/tickets", new { channel = "fax", requestId = "api-3", caller = "3331234567", text = "x" });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        repeated.StatusCode.Should().Be(HttpStatusCode.OK);
        var first = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket");
        var second = JsonDocument.Parse(await repeated.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket");
        second.GetProperty("number").GetString().Should().Be(first.GetProperty("number").GetString());
        first.GetProperty("sender").GetProperty("email").GetString().Should().Be("mario.rossi@example.it");
        first.GetProperty("history")[0].GetProperty("actor").GetString().Should().Be("backoffice:luca");
        incomplete.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await incomplete.Content.ReadAsStringAsync()).Should().Contain("text: what the caller asked is required");
        fax.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenPhone_WithoutAService_WritesTheStoreDirectly()
    {
        await KnownStore.CreateEmptyAsync(folder.Combine("data"));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var run = await CliRun.RunAsync(null, "tickets", "open", "--channel", "phone", "--caller", "0039 06 1234 5678", "--text", "Chiede del piano comunale",
            "--json", "--config", config, "--config", PhonePolicy(folder.Path));

        run.ExitCode.Should().Be(0, run.Error);
        var ticket = JsonDocument.Parse(run.Output).RootElement.GetProperty("ticket");
        ticket.GetProperty("subject").GetString().Should().Be("Telefonata da +390612345678");
        ticket.GetProperty("history")[0].GetProperty("actor").GetString().Should().StartWith("cli:");
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config);
        JsonDocument.Parse(list.Output).RootElement.GetProperty("count").GetInt32().Should().Be(1);
    }

    private static void ShouldBeDueTheSameDay(JsonElement ticket)
    {
        var started = TimeZoneInfo.ConvertTime(ticket.GetProperty("clockStartedAt").GetDateTimeOffset(), Rome);
        var due = TimeZoneInfo.ConvertTime(ticket.GetProperty("dueAt").GetDateTimeOffset(), Rome);
        due.Date.Should().Be(started.Date, "the Phone policy is the same day");
        due.TimeOfDay.Should().Be(TimeSpan.FromHours(18));
    }

    private static string PhonePolicy(string folder) => JsonConfigFile.Write(folder, new
    {
        Sla = new
        {
            Policies = new[]
            {
                new { Level = "First", Channel = "Phone", Days = 0, DayKind = "WorkingDays" },
                new { Level = "Second", Channel = "Phone", Days = 0, DayKind = "WorkingDays" },
            },
        },
    });
}
