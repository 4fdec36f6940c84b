using System.Diagnostics;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Timing;
using ContactCenter.Core.Storage;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// A Dovecot mailbox (90% short Italian text, 9% HTML with an inline image, 1% with a 2 MB PDF) ingested end to end
/// (IMAP source, normaliser, rules, durable store, MOVE to Processed) against the MailKit+MimeKit floor on the same
/// messages. The floor only reads, so it runs first and the mailbox needs no restoring.
/// </summary>
internal sealed class MailBenchmark : IBenchmark
{
    public string Name => "mail";

    /// <summary>Where the end-to-end time went in the last run, for the notes.</summary>
    public PhaseClock? Breakdown { get; private set; }

    /// <summary>How long the last run's poll waited on the store with nothing else to do.</summary>
    public StoreWait StoreWaited { get; private set; }

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(5_000, 1_000);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        var user = server.CreateUser("bench");
        var mail = new BulkMail(seed: 20261129, run: "mail");
        var seeded = await MailboxSeeder.SeedAsync(server, user, mail, count, cancellationToken);
        BenchContext.Say($"mail: {seeded.Count} messages ({Rate.Mebibytes(seeded.Bytes)}) delivered and indexed in {Rate.Seconds(seeded.Elapsed)}");

        // CPU of this process (Dovecot's is not counted): on a shared machine it says more than the wall time.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var floor = await ImapFloor.FetchAndParseAsync(server, user, cancellationToken);
        var floorCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var floorRate = Rate.PerSecond(floor.Messages, floor.Elapsed);
        BenchContext.Say($"mail: floor {floor.Messages} messages in {Rate.Seconds(floor.Elapsed)} ({floorRate:F0}/s), CPU {Rate.Seconds(floorCpu)}");

        var (ingestElapsed, ingestCpu, jit, created, processed, inbox) = await IngestAsync(context, server, user, cancellationToken);
        var ingestRate = Rate.PerSecond(created, ingestElapsed);
        BenchContext.Say($"mail: ingest {created} tickets in {Rate.Seconds(ingestElapsed)} ({ingestRate:F0}/s), CPU {Rate.Seconds(ingestCpu)} ({jit.Methods} methods compiled, {Rate.Seconds(jit.Time)} in the JIT); INBOX {inbox}, Processed {processed}");
        if (created != count || processed != count || inbox != 0)
        {
            throw new InvalidOperationException($"ingest incomplete: {created} tickets, {processed} in Processed, {inbox} left in INBOX (expected {count})");
        }

        var ratio = ingestRate / floorRate;
        return
        [
            new BenchRow(
                $"E-mail end to end, {count:N0} messages ({Rate.Mebibytes(seeded.Bytes)}) over IMAP",
                Rate.Format(ingestRate, "msg/s"),
                $"MailKit fetch (UID batches of {ImapFloor.UidBatch}) + MimeKit parse: {Rate.Format(floorRate, "msg/s")}",
                ratio,
                "≥ 0.5",
                "fetch, normalise (archive .eml and attachments), classify, plan SLA, queue receipt, durable dispatch per batch of 100, MOVE to Processed. "
                + $"CPU of the bench process (Dovecot's not counted): ingest {Rate.Seconds(ingestCpu)} ({ingestCpu.TotalMilliseconds / count:F2} ms/msg; "
                + $"{jit.Methods:N0} methods compiled, {Rate.Seconds(jit.Time)} in the JIT on all threads, waits included), floor {Rate.Seconds(floorCpu)}. "
                + $"Time by component (summed; normalisers run {Environment.ProcessorCount} at once): {Breakdown?.Describe(7)}. Store bottleneck: {StoreWaited}")
            {
                TargetMet = ratio >= 0.5,
            },
        ];
    }

    private async Task<(TimeSpan Elapsed, TimeSpan Cpu, (TimeSpan Time, long Methods) Jit, int Created, int Processed, int Inbox)> IngestAsync(
        BenchContext context, DovecotServer server, string user, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        await using var services = new BenchServices(
            context.NewFolder("mail-store"),
            BenchServices.ImapChannel("urp", server, user),
            clock: clock);
        await services.WarmUpAsync(cancellationToken);
        var source = services.Source("urp");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The JIT's share (all threads, tiering included) of a run this short is large; a service pays it once.
        var (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
        var started = Stopwatch.GetTimestamp();
        var summary = await services.Pipeline.RunAsync(source, null, cancellationToken);
        var ended = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, ended);
        StoreWaited = StoreWait.Measure(clock, started, ended);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var jit = (System.Runtime.JitInfo.GetCompilationTime() - jitTime, System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods);
        var tickets = await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken);
        BenchContext.Say($"mail: poll summary {summary}");
        BenchContext.Say($"mail: time by component: {clock.Describe(12)}; {StoreWaited}");
        Breakdown = clock;
        return (elapsed, cpu, jit, tickets.Count, await server.CountAsync(user, "Processed", cancellationToken), await server.CountAsync(user, "INBOX", cancellationToken));
    }
}
