using System.Diagnostics;
using ContactCenter.Bench.Mail;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Timing;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// The e-mail row (same mailbox mix, same Maildir seeding, same MailKit+MimeKit floor) with the service's store on
/// PostgreSQL: tickets and originals (the <c>blobs</c> table, the default archive) in a private PostgreSQL on loopback.
/// The floor only reads, so it runs first and the mailbox needs no restoring.
/// </summary>
internal sealed class PostgreSqlMailBenchmark : IBenchmark
{
    public string Name => "pgmail";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(2_000, 500);
        await using var postgres = await PostgresServer.CreateAsync(cancellationToken);
        var database = await PooledDatabase.CreateAsync(postgres, cancellationToken);
        await using (var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = database }))
        {
            await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, cancellationToken);
        }

        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        var user = server.CreateUser("pgbench");
        var seeded = await MailboxSeeder.SeedAsync(server, user, new BulkMail(seed: 20261203, run: "pgmail"), count, cancellationToken);
        BenchContext.Say($"pgmail: {seeded.Count} messages ({Rate.Mebibytes(seeded.Bytes)}) delivered and indexed in {Rate.Seconds(seeded.Elapsed)}");

        var floor = await ImapFloor.FetchAndParseAsync(server, user, cancellationToken);
        var floorRate = Rate.PerSecond(floor.Messages, floor.Elapsed);
        BenchContext.Say($"pgmail: floor {floor.Messages} messages in {Rate.Seconds(floor.Elapsed)} ({floorRate:F0}/s)");

        var clock = new PhaseClock();
        var settings = BenchServices.ImapChannel("urp", server, user);
        settings["ContactCenter:Store:Provider"] = "PostgreSql";
        settings["ContactCenter:Store:PostgreSql:ConnectionString"] = database;
        settings["ContactCenter:Store:PostgreSql:Clustered"] = "false";
        await using var services = new BenchServices(context.NewFolder("pgmail-store"), settings, clock: clock);
        await services.WarmUpAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var summary = await services.Pipeline.RunAsync(services.Source("urp"), null, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var created = (await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken)).Count;
        var processed = await server.CountAsync(user, "Processed", cancellationToken);
        var inbox = await server.CountAsync(user, "INBOX", cancellationToken);
        BenchContext.Say($"pgmail: poll summary {summary}; time by component: {clock.Describe(12)}");
        if (created != count || processed != count || inbox != 0)
        {
            throw new InvalidOperationException($"ingest incomplete: {created} tickets, {processed} in Processed, {inbox} left in INBOX (expected {count})");
        }

        var rate = Rate.PerSecond(created, elapsed);
        var ratio = rate / floorRate;
        return
        [
            new BenchRow(
                $"E-mail end to end on PostgreSQL, {count:N0} messages ({Rate.Mebibytes(seeded.Bytes)}) over IMAP",
                Rate.Format(rate, "msg/s"),
                $"MailKit fetch (UID batches of {ImapFloor.UidBatch}) + MimeKit parse: {Rate.Format(floorRate, "msg/s")}",
                ratio,
                "≥ 0.5",
                "as the e-mail row, with tickets and originals (blobs table) in PostgreSQL. "
                + $"Time by component (summed; normalisers run {Environment.ProcessorCount} at once): {clock.Describe(7)}")
            {
                TargetMet = ratio >= 0.5,
            },
        ];
    }
}
