using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.WebForm.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Tests.Tracking;

public sealed class TrackingTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-tracking");

    public void Dispose() => folder.Dispose();

    private TrackingLinks Links(bool enabled = true)
    {
        var options = Options.Create(new WebFormOptions { Enabled = enabled, Url = "http://127.0.0.1:5290", PublicUrl = "https://www.example.it/modulo/" });
        return new TrackingLinks(options, new TrackingSecret(options, Options.Create(new StoreOptions { DataDirectory = folder.Path }), NullLogger<TrackingSecret>.Instance));
    }

    [Fact]
    public void LinkFor_SignedPerNumber_SecretKeptInTheDataFolder()
    {
        var links = Links();
        var link = links.LinkFor("PC-2026-000042")!;

        link.Should().MatchRegex(@"^https://www\.example\.it/modulo/segui/PC-2026-000042\?t=[A-Za-z0-9_-]{22}$");
        var token = link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        links.IsValid("PC-2026-000042", token).Should().BeTrue();
        links.IsValid("PC-2026-000043", token).Should().BeFalse();
        links.IsValid("PC-2026-000042", token[..^1] + (token[^1] == 'A' ? 'B' : 'A')).Should().BeFalse();
        links.IsValid("PC-2026-000042", null).Should().BeFalse();

        var keyFile = Path.Combine(folder.Path, "webform", "tracking.key");
        File.Exists(keyFile).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Links().LinkFor("PC-2026-000042").Should().Be(link, "a restart reads the same secret");
        Links(enabled: false).LinkFor("PC-2026-000042").Should().BeNull();
    }

    [Fact]
    public void Status_FourStatesFromTheTicket()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var ticket = new Ticket { Number = "PC-2026-000001", ReceivedAt = at, DueAt = at.AddDays(7) };
        ticket.History.Add(new TicketEvent { At = at, Kind = TicketEventKind.Received });
        ticket.History.Add(new TicketEvent { At = at.AddMinutes(1), Kind = TicketEventKind.ReceiptSent });
        TrackingStatus.Of(ticket).Should().Be(new TrackingStatus("PC-2026-000001", "ricevuta", at.AddDays(7), at.AddMinutes(1)));

        ticket.History.Add(new TicketEvent { At = at.AddHours(2), Kind = TicketEventKind.Reclassified, Actor = "operatore" });
        TrackingStatus.Of(ticket).State.Should().Be("in lavorazione");

        ticket.Suspensions.Add(new SlaSuspension { From = at.AddHours(3), WaitingFor = "Regione Abruzzo" });
        TrackingStatus.Of(ticket).State.Should().Be("in attesa di altra amministrazione");

        ticket.Status = TicketStatus.Closed;
        TrackingStatus.Of(ticket).State.Should().Be("evasa");
    }
}
