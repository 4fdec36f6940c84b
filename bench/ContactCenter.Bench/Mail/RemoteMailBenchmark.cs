using System.Diagnostics;
using System.Globalization;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Timing;
using ContactCenter.Core.Storage;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// The e-mail row's mailbox over a link with round trips (a <see cref="DelayingProxy"/> in front of Dovecot, as a
/// provider's server or the other site's is), over IMAP and over POP3, each against MailKit's floor over the same
/// link: two rounds, each a floor and an ingest on its own copy of the mailbox, the faster of each kept.
/// </summary>
internal sealed class RemoteMailBenchmark : IBenchmark
{
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(10);

    public string Name => "remote";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(2_000, 500);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        await using var imap = new DelayingProxy(server.ImapPort, OneWay);
        await using var pop3 = new DelayingProxy(server.Pop3Port, OneWay);
        await using var imaps = new DelayingProxy(server.ImapsPort, OneWay);
        return
        [
            await MeasureAsync(context, server, new Protocol("IMAP", imap.Port, (user, ct) => ImapFloor.FetchAndParseAsync(server, user, ct, imap.Port),
                user => BenchServices.ImapChannel("urp", server, user), "MailKit fetch (UID batches of 500)", "MOVE"), count, cancellationToken),
            // What a provider's server asks for: implicit TLS, the floor's connection encrypted as the channel's is.
            await MeasureAsync(context, server, new Protocol("IMAP with TLS (IMAPS)", imaps.Port, (user, ct) => ImapFloor.FetchAndParseAsync(server, user, ct, imaps.Port, tls: true),
                user => Tls(BenchServices.ImapChannel("urp", server, user)), "MailKit fetch over TLS (UID batches of 500)", "MOVE"), count, cancellationToken),
            await MeasureAsync(context, server, new Protocol("POP3", pop3.Port, (user, ct) => Pop3Floor.FetchAndParseAsync(server, user, ct, pop3.Port),
                user => Pop3Benchmark.Channel("urp", server, user), "MailKit POP3 retrieve (pipelined RETR, batches of 500)", "DELE"), count, cancellationToken),
        ];
    }

    private static async Task<BenchRow> MeasureAsync(BenchContext context, DovecotServer server, Protocol protocol, int count, CancellationToken cancellationToken)
    {
        var mail = new BulkMail(seed: 20261129, run: "mail");
        var warmup = server.CreateUser("warmup");
        await MailboxSeeder.SeedAsync(server, warmup, mail, 200, cancellationToken);
        string[] users = [server.CreateUser("remote"), server.CreateUser("remote")];
        foreach (var user in users)
        {
            await MailboxSeeder.SeedAsync(server, user, mail, count, cancellationToken);
        }

        // The JIT's first compilations (the pipeline's and MailKit's) go to untimed runs.
        await protocol.Floor(warmup, cancellationToken);
        await IngestAsync(context, server, protocol, warmup, 200, cancellationToken);
        var floors = new List<double>();
        var ingests = new List<Run>();
        foreach (var user in users)
        {
            await ProcessSettle.WaitAsync(cancellationToken);
            var floor = await protocol.Floor(user, cancellationToken);
            floors.Add(Rate.PerSecond(floor.Messages, floor.Elapsed));
            await ProcessSettle.WaitAsync(cancellationToken);
            ingests.Add(await IngestAsync(context, server, protocol, user, count, cancellationToken));
        }

        var best = ingests.MaxBy(r => r.Rate)!;
        string Rates(IEnumerable<double> rates) => string.Join(" and ", rates.Select(r => Rate.Format(r, "msg/s")));
        return new BenchRow(
            $"E-mail end to end over a {2 * OneWay.TotalMilliseconds:F0} ms round trip, {count:N0} messages over {protocol.Name}",
            Rate.Format(best.Rate, "msg/s"),
            $"{protocol.FloorName} + MimeKit parse over the same link: {Rate.Format(floors.Max(), "msg/s")}",
            best.Rate / floors.Max(),
            "–",
            $"a server elsewhere (a provider, the other site): a loopback relay delays every chunk by {OneWay.TotalMilliseconds:F0} ms each way "
            + $"(latency only); the e-mail row's work, batches of 100; two rounds of floor then ingest, each on its own copy of the mailbox, the "
            + $"faster of each (ingest {Rates(ingests.Select(r => r.Rate))}, floor {Rates(floors)}), after an untimed warm-up of both; per batch: "
            + $"fetch {best.Fetch.TotalMilliseconds / best.Batches:F0} ms, {protocol.Acknowledgement} {best.Acknowledge.TotalMilliseconds / best.Batches:F0} ms; "
            + $"CPU of the bench process {Rate.Seconds(best.Cpu)}");
    }

    private static async Task<Run> IngestAsync(
        BenchContext context, DovecotServer server, Protocol protocol, string user, int count, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        var channel = protocol.Channel(user);
        channel["ContactCenter:Channels:urp:Port"] = protocol.Port.ToString(CultureInfo.InvariantCulture);
        await using var services = new BenchServices(context.NewFolder($"remote-store-{user}"), channel, clock: clock);
        await services.WarmUpAsync(cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await services.Pipeline.RunAsync(services.Source("urp"), null, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var created = (await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken)).Count;
        var left = await server.CountAsync(user, "INBOX", cancellationToken);
        BenchContext.Say($"remote: {protocol.Name} {user} {created} tickets in {Rate.Seconds(elapsed)} ({Rate.PerSecond(created, elapsed):F0}/s), "
            + $"CPU {Rate.Seconds(cpu)}; {left} left in INBOX; time by component: {clock.Describe(8)}");
        if (created != count || left != 0)
        {
            throw new InvalidOperationException($"{protocol.Name} {user}: {created} tickets, {left} left in INBOX (expected {count}, none left)");
        }

        return new Run(Rate.PerSecond(created, elapsed), cpu, clock.Total("source.acknowledge"), clock.Total("source.fetch"), clock.Calls("source.acknowledge"));
    }

    /// <summary>Implicit TLS; the test server's certificate is self-signed, so the channel is told to accept it.</summary>
    private static Dictionary<string, string?> Tls(Dictionary<string, string?> channel)
    {
        channel["ContactCenter:Channels:urp:Security"] = "SslOnConnect";
        channel["ContactCenter:Channels:urp:AcceptInvalidCertificates"] = "true";
        return channel;
    }

    private sealed record Protocol(
        string Name, int Port, Func<string, CancellationToken, Task<(int Messages, long Bytes, TimeSpan Elapsed)>> Floor,
        Func<string, Dictionary<string, string?>> Channel, string FloorName, string Acknowledgement);

    private sealed record Run(double Rate, TimeSpan Cpu, TimeSpan Acknowledge, TimeSpan Fetch, int Batches);
}
