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
/// The e-mail row's mailbox ingested over POP3 (Delete mode: DELE after each batch's commit, QUIT at the end) against MailKit's
/// POP3 retrieve + MimeKit parse on the same messages. The floor only reads, so it runs first.
/// </summary>
internal sealed class Pop3Benchmark : IBenchmark
{
    public string Name => "pop3";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(5_000, 1_000);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        var user = server.CreateUser("bench");
        var seeded = await MailboxSeeder.SeedAsync(server, user, new BulkMail(seed: 20261129, run: "mail"), count, cancellationToken);
        BenchContext.Say($"pop3: {seeded.Count} messages ({Rate.Mebibytes(seeded.Bytes)}) delivered and indexed in {Rate.Seconds(seeded.Elapsed)}");

        var floor = await Pop3Floor.FetchAndParseAsync(server, user, cancellationToken);
        var floorRate = Rate.PerSecond(floor.Messages, floor.Elapsed);
        BenchContext.Say($"pop3: floor {floor.Messages} messages in {Rate.Seconds(floor.Elapsed)} ({floorRate:F0}/s)");

        var clock = new PhaseClock();
        int created;
        TimeSpan elapsed;
        await using (var services = new BenchServices(context.NewFolder("pop3-store"), Channel("urp", server, user), clock: clock))
        {
            await services.WarmUpAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var summary = await services.Pipeline.RunAsync(services.Source("urp"), null, cancellationToken);
            elapsed = Stopwatch.GetElapsedTime(started);
            created = (await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken)).Count;
            BenchContext.Say($"pop3: poll summary {summary}");
        }

        var left = await server.CountAsync(user, "INBOX", cancellationToken);
        var rate = Rate.PerSecond(created, elapsed);
        BenchContext.Say($"pop3: ingest {created} tickets in {Rate.Seconds(elapsed)} ({rate:F0}/s); {left} left on the server; time by component: {clock.Describe(12)}");
        if (created != count || left != 0)
        {
            throw new InvalidOperationException($"ingest incomplete: {created} tickets, {left} left on the server (expected {count})");
        }

        var ratio = rate / floorRate;
        return
        [
            new BenchRow(
                $"E-mail end to end, {count:N0} messages ({Rate.Mebibytes(seeded.Bytes)}) over POP3",
                Rate.Format(rate, "msg/s"),
                $"MailKit POP3 retrieve (pipelined RETR, batches of {Pop3Floor.Batch}) + MimeKit parse: {Rate.Format(floorRate, "msg/s")}",
                ratio,
                "≥ 0.5",
                "the e-mail row's work with POP3 batches of 100: next batch's RETR while one is stored, DELE after each batch's commit, one session, its QUIT at the end. "
                + $"Time by component (summed; normalisers run {Environment.ProcessorCount} at once): {clock.Describe(7)}")
            {
                TargetMet = ratio >= 0.5,
            },
        ];
    }

    /// <summary>The configuration keys of a POP3 channel on the test Dovecot (batches of 100, Delete mode).</summary>
    internal static Dictionary<string, string?> Channel(string name, DovecotServer server, string user) => new()
    {
        [$"ContactCenter:Channels:{name}:Type"] = "Pop3",
        [$"ContactCenter:Channels:{name}:Host"] = DovecotServer.Host,
        [$"ContactCenter:Channels:{name}:Port"] = server.Pop3Port.ToString(CultureInfo.InvariantCulture),
        [$"ContactCenter:Channels:{name}:Security"] = "None",
        [$"ContactCenter:Channels:{name}:User"] = user,
        [$"ContactCenter:Channels:{name}:Password"] = DovecotServer.Password,
        [$"ContactCenter:Channels:{name}:BatchSize"] = "100",
    };
}
