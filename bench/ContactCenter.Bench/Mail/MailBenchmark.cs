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
/// messages, twice: as the first ingest of the process (a service just started) and warm (every later poll).
/// </summary>
internal sealed class MailBenchmark : IBenchmark
{
    public string Name => "mail";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(5_000, 1_000);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        // The same messages twice: the first ingest is the process's first (a service just started, the JIT compiling
        // the pipeline as it goes), the second runs on code already compiled, as every later poll of a running service.
        string[] users = [server.CreateUser("bench"), server.CreateUser("benchwarm")];
        var mail = new BulkMail(seed: 20261129, run: "mail");
        var seeded = await MailboxSeeder.SeedAsync(server, users[0], mail, count, cancellationToken);
        await MailboxSeeder.SeedAsync(server, users[1], mail, count, cancellationToken);
        BenchContext.Say($"mail: {seeded.Count} messages ({Rate.Mebibytes(seeded.Bytes)}) delivered and indexed in {Rate.Seconds(seeded.Elapsed)}, twice");

        // Each ingest against a floor measured just before it on the same messages, so that the first pays its JIT against a
        // floor that paid MailKit's, and the warm one runs against a warm floor. The floor only reads: the mailbox needs no restoring.
        var firstFloor = await FloorAsync(server, users[0], "first", cancellationToken);
        var first = await IngestAsync(context, server, users[0], count, "first", cancellationToken);
        await ProcessSettle.WaitAsync(cancellationToken);
        var warmFloor = await FloorAsync(server, users[1], "warm", cancellationToken);
        await ProcessSettle.WaitAsync(cancellationToken);
        var warm = await IngestAsync(context, server, users[1], count, "warm", cancellationToken);
        return
        [
            Row($"E-mail end to end, {count:N0} messages ({Rate.Mebibytes(seeded.Bytes)}) over IMAP", first, firstFloor,
                "the process's first ingest (the JIT compiles the pipeline as it runs; the floor was the process's first fetch): fetch, normalise (archive the .eml, "
                + "hash the attachments read from it), classify, plan SLA, queue receipt, durable dispatch per batch of 100, MOVE to Processed. CPU of the bench process "
                + $"(Dovecot's not counted): floor {Rate.Seconds(firstFloor.Cpu)}, ingest "),
            Row($"E-mail end to end, warm: the same {count:N0} messages in another mailbox, after the first", warm, warmFloor,
                "what every later poll of a running service does: the code compiled by the first ingest (and the floor's by the first floor), the garbage "
                + $"collected and the JIT quiet before each starts. CPU: floor {Rate.Seconds(warmFloor.Cpu)}, ingest "),
        ];
    }

    private static async Task<(double Rate, TimeSpan Cpu)> FloorAsync(DovecotServer server, string user, string label, CancellationToken cancellationToken)
    {
        // CPU of this process (Dovecot's is not counted): on a shared machine it says more than the wall time.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var floor = await ImapFloor.FetchAndParseAsync(server, user, cancellationToken);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var rate = Rate.PerSecond(floor.Messages, floor.Elapsed);
        BenchContext.Say($"mail: {label} floor {floor.Messages} messages in {Rate.Seconds(floor.Elapsed)} ({rate:F0}/s), CPU {Rate.Seconds(cpu)}");
        return (rate, cpu);
    }

    private static BenchRow Row(string name, Ingest ingest, (double Rate, TimeSpan Cpu) floor, string notes)
    {
        var ratio = ingest.Rate / floor.Rate;
        var baseline = $"MailKit fetch (UID batches of {ImapFloor.UidBatch}) + MimeKit parse: {Rate.Format(floor.Rate, "msg/s")}";
        return new BenchRow(name, Rate.Format(ingest.Rate, "msg/s"), baseline, ratio, "≥ 0.5",
            notes + $"{Rate.Seconds(ingest.Cpu)} ({ingest.Cpu.TotalMilliseconds / ingest.Created:F2} ms/msg; {ingest.Jit.Methods:N0} methods compiled, "
            + $"{Rate.Seconds(ingest.Jit.Time)} in the JIT on all threads, waits included; GC: {ingest.Gc}). Time by component (summed; normalisers run "
            + $"{Environment.ProcessorCount} at once): {ingest.Clock.Describe(7)}. Store bottleneck: {ingest.StoreWait}")
        {
            TargetMet = ratio >= 0.5,
        };
    }

    private static async Task<Ingest> IngestAsync(BenchContext context, DovecotServer server, string user, int count, string label,
        CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        await using var services = new BenchServices(context.NewFolder($"mail-store-{label}"), BenchServices.ImapChannel("urp", server, user), clock: clock);
        await services.WarmUpAsync(cancellationToken);
        var source = services.Source("urp");
        var gc = GcSnapshot.Take();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The JIT's share (all threads, tiering included) of the first run is large; a service pays it once.
        var (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
        var started = Stopwatch.GetTimestamp();
        var summary = await services.Pipeline.RunAsync(source, null, cancellationToken);
        var ended = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, ended);
        var storeWait = StoreWait.Measure(clock, started, ended);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var collected = GcSnapshot.Take().Since(gc);
        (TimeSpan Time, long Methods) jit = (System.Runtime.JitInfo.GetCompilationTime() - jitTime, System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods);
        var created = (await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken)).Count;
        var processed = await server.CountAsync(user, "Processed", cancellationToken);
        var inbox = await server.CountAsync(user, "INBOX", cancellationToken);
        var ingest = new Ingest(Rate.PerSecond(created, elapsed), cpu, jit, created, clock, storeWait, collected);
        BenchContext.Say($"mail: {label} ingest {created} tickets in {Rate.Seconds(elapsed)} ({ingest.Rate:F0}/s), CPU {Rate.Seconds(cpu)} "
            + $"({jit.Methods} methods compiled, {Rate.Seconds(jit.Time)} in the JIT; GC: {collected}); INBOX {inbox}, Processed {processed}; poll summary {summary}; "
            + $"time by component: {clock.Describe(12)}; {storeWait}");
        if (created != count || processed != count || inbox != 0)
        {
            throw new InvalidOperationException($"{label} ingest incomplete: {created} tickets, {processed} in Processed, {inbox} left in INBOX (expected {count})");
        }

        return ingest;
    }

    private sealed record Ingest(
        double Rate, TimeSpan Cpu, (TimeSpan Time, long Methods) Jit, int Created, PhaseClock Clock, StoreWait StoreWait, GcSnapshot Gc);
}
