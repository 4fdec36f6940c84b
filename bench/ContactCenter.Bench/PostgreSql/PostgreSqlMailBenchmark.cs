using System.Diagnostics;
using System.Globalization;
using ContactCenter.Bench.Mail;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Timing;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using Npgsql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// The e-mail row (same mailbox mix, same Maildir seeding, same MailKit+MimeKit floor) with the service's store on
/// PostgreSQL: tickets and originals (the <c>blobs</c> table, the default archive) in a private PostgreSQL on loopback.
/// The same messages are seeded into six mailboxes and ingested twice on each store, alternating, so a second row says
/// whether the store costs the pipeline anything: PostgreSQL's faster rate over LiteDB's (after an untimed warm-up
/// ingest, so that neither pays for the JIT); a third does the same with the originals in a folder (<c>Archive: Folder</c>),
/// and a fourth with the database on another machine (<see cref="RemoteOneWay"/> each way through a <see cref="DelayingProxy"/>,
/// as for a node whose database is in the server room or at the other site). The floor only reads, so it runs first
/// and the mailboxes need no restoring.
/// </summary>
internal sealed class PostgreSqlMailBenchmark : IBenchmark
{
    /// <summary>Half the round trip to a database on another machine of the same network (5 ms there and back).</summary>
    private static readonly TimeSpan RemoteOneWay = TimeSpan.FromMilliseconds(2.5);

    public string Name => "pgmail";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(2_000, 500);
        await using var postgres = await PostgresServer.CreateAsync(cancellationToken, ProductionSettings.With(ServerStatements.Settings));
        string[] databases = [await MigratedDatabaseAsync(postgres, cancellationToken), await MigratedDatabaseAsync(postgres, cancellationToken)];
        string[] folderDatabases = [await MigratedDatabaseAsync(postgres, cancellationToken), await MigratedDatabaseAsync(postgres, cancellationToken)];
        string[] remoteDatabases = [await MigratedDatabaseAsync(postgres, cancellationToken), await MigratedDatabaseAsync(postgres, cancellationToken)];
        var warmDatabase = await MigratedDatabaseAsync(postgres, cancellationToken);

        foreach (var database in databases.Concat(folderDatabases).Concat(remoteDatabases))
        {
            await WarmWal.RunAsync(database, cancellationToken);
        }

        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        string[] pgUsers = [server.CreateUser("pgbench"), server.CreateUser("pgbench2")];
        string[] liteUsers = [server.CreateUser("litebench"), server.CreateUser("litebench2")];
        string[] folderUsers = [server.CreateUser("pgfolder"), server.CreateUser("pgfolder2")];
        string[] remoteUsers = [server.CreateUser("pgremote"), server.CreateUser("pgremote2")];
        var warmUser = server.CreateUser("warmbench");
        var pgWarmUser = server.CreateUser("pgwarmbench");
        // The same messages in each of the four timed mailboxes.
        var seeded = new List<(int Count, long Bytes, TimeSpan Elapsed)>();
        foreach (var user in pgUsers.Concat(liteUsers).Concat(folderUsers).Concat(remoteUsers))
        {
            seeded.Add(await MailboxSeeder.SeedAsync(server, user, new BulkMail(seed: 20261203, run: "pgmail"), count, cancellationToken));
        }

        BenchContext.Say($"pgmail: {seeded[0].Count} messages ({Rate.Mebibytes(seeded[0].Bytes)}) delivered and indexed {seeded.Count} times in {Rate.Seconds(seeded.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed))}");

        var floor = await ImapFloor.FetchAndParseAsync(server, pgUsers[0], cancellationToken);
        var floorRate = Rate.PerSecond(floor.Messages, floor.Elapsed);
        BenchContext.Say($"pgmail: floor {floor.Messages} messages in {Rate.Seconds(floor.Elapsed)} ({floorRate:F0}/s)");

        // Neither timed run may pay for compiling the pipeline: a few hundred messages through it first, untimed, on
        // each store (its own database for PostgreSQL), so the PostgreSQL run does not compile Npgsql's write paths.
        var warmCount = Math.Min(count, 200);
        await MailboxSeeder.SeedAsync(server, warmUser, new BulkMail(seed: 20261204, run: "pgwarm"), warmCount, cancellationToken);
        await MailboxSeeder.SeedAsync(server, pgWarmUser, new BulkMail(seed: 20261205, run: "pgwarm2"), warmCount, cancellationToken);
        await IngestAsync(context, server, warmUser, warmCount, null, null, cancellationToken);
        await IngestAsync(context, server, pgWarmUser, warmCount, warmDatabase, postgres, cancellationToken);

        // Two rounds, the stores alternating, each run on its own mailbox and store: a single run of either can be
        // slowed by whatever else the machine does (LiteDB's flush of the whole filesystem most of all), and the faster
        // run of each store is the one least disturbed.
        // The third store is PostgreSQL with the originals in a folder (Archive: Folder, as on a shared mount): what
        // the tickets alone cost on PostgreSQL, apart from writing originals into the database.
        var (lites, pgs, folders, remotes) = (new List<Ingest>(), new List<Ingest>(), new List<Ingest>(), new List<Ingest>());
        for (var round = 0; round < 2; round++)
        {
            await ProcessSettle.WaitAsync(cancellationToken);
            lites.Add(await IngestAsync(context, server, liteUsers[round], count, null, null, cancellationToken));
            await ProcessSettle.WaitAsync(cancellationToken);
            pgs.Add(await IngestAsync(context, server, pgUsers[round], count, databases[round], postgres, cancellationToken));
            await ProcessSettle.WaitAsync(cancellationToken);
            folders.Add(await IngestAsync(context, server, folderUsers[round], count, folderDatabases[round], postgres, cancellationToken, PostgreSqlArchiveKind.Folder));
            await ProcessSettle.WaitAsync(cancellationToken);
            remotes.Add(await IngestAsync(context, server, remoteUsers[round], count, remoteDatabases[round], postgres, cancellationToken, oneWay: RemoteOneWay));
        }

        // Each run's rate, in the order run, and the mean dispatch of a batch in milliseconds.
        string Rates(IEnumerable<Ingest> ingests) => string.Join(" and ", ingests.Select(i => Rate.Format(Rate.PerSecond(count, i.Elapsed), "msg/s")));
        static double DispatchPerBatch(Ingest ingest) =>
            ingest.Clock.Total("store.DispatchAsync").TotalMilliseconds / Math.Max(1, ingest.Clock.Calls("store.DispatchAsync"));

        var (lite, pg, folder, remote) = (lites.MinBy(i => i.Elapsed)!, pgs.MinBy(i => i.Elapsed)!, folders.MinBy(i => i.Elapsed)!, remotes.MinBy(i => i.Elapsed)!);
        var folderRate = Rate.PerSecond(count, folder.Elapsed);
        var remoteRate = Rate.PerSecond(count, remote.Elapsed);
        var runs = string.Create(CultureInfo.InvariantCulture,
            $"faster of two alternating runs each (LiteDB {Rates(lites)}, "
            + $"PostgreSQL {Rates(pgs)})");
        var rate = Rate.PerSecond(count, pg.Elapsed);
        var liteRate = Rate.PerSecond(count, lite.Elapsed);
        var ratio = rate / floorRate;
        var archive = pg.Clock.Total("archive.StoreAsync").TotalSeconds;
        var dispatch = pg.Clock.Total("store.DispatchAsync").TotalSeconds;
        var storeShare = string.Create(CultureInfo.InvariantCulture,
            $"in the store: archive writes {archive:F1} s summed over {Environment.ProcessorCount} normalisers (about {archive / Environment.ProcessorCount:F1} s of wall), "
            + $"dispatch {dispatch:F1} s (overlapped with normalising the next batch), in {pg.Elapsed.TotalSeconds:F1} s of wall; "
            + $"CPU: bench process {pg.Cpu.TotalSeconds:F1} s on PostgreSQL, {lite.Cpu.TotalSeconds:F1} s on LiteDB; PostgreSQL server {pg.ServerCpu:F1} s. "
            + $"Store bottleneck: on PostgreSQL {pg.StoreWait}; on LiteDB {lite.StoreWait}");
        return
        [
            new BenchRow(
                $"E-mail end to end on PostgreSQL, {count:N0} messages ({Rate.Mebibytes(seeded[0].Bytes)}) over IMAP",
                Rate.Format(rate, "msg/s"),
                $"MailKit fetch (UID batches of {ImapFloor.UidBatch}) + MimeKit parse: {Rate.Format(floorRate, "msg/s")}",
                ratio,
                "≥ 0.5",
                "as the e-mail row, with tickets and originals (blobs table) in PostgreSQL (its WAL segments warmed as on a server in service; "
                + ProductionSettings.Summary + "; both stores warmed up by an untimed ingest of 200 other messages, each timed run after a GC and once the JIT is quiet; the faster of two runs). "
                + $"Time by component (summed; normalisers run {Environment.ProcessorCount} at once): {pg.Clock.Describe(7)}. Store bottleneck: {pg.StoreWait}")
            {
                TargetMet = ratio >= 0.5,
            },
            new BenchRow(
                $"E-mail end to end, PostgreSQL store against LiteDB store ({count:N0} messages, same run)",
                Rate.Format(rate, "msg/s"),
                $"the same messages in other mailboxes, ingested on LiteDB, alternating with PostgreSQL: {Rate.Format(liteRate, "msg/s")}",
                rate / liteRate,
                "≥ 1.0 (the store is not the bottleneck)",
                runs + "; " + storeShare + $". LiteDB's time by component: {lite.Clock.Describe(4)}")
            {
                TargetMet = rate >= liteRate,
            },
            new BenchRow(
                $"E-mail end to end, PostgreSQL store with originals in a folder (`Archive: Folder`) against LiteDB store ({count:N0} messages, same run)",
                Rate.Format(folderRate, "msg/s"),
                $"the LiteDB runs above: {Rate.Format(liteRate, "msg/s")}",
                folderRate / liteRate,
                "–",
                string.Create(CultureInfo.InvariantCulture,
                    $"tickets in PostgreSQL, originals as files on the same disk as LiteDB's archive (a shared mount in a cluster), flushed before each batch commits; faster of two runs "
                    + $"({Rates(folders)}), alternating with the two rows above; "
                    + $"dispatch {folder.Clock.Total("store.DispatchAsync").TotalSeconds:F1} s, archive writes {folder.Clock.Total("archive.StoreAsync").TotalSeconds:F1} s summed; "
                    + $"CPU: bench process {folder.Cpu.TotalSeconds:F1} s, PostgreSQL server {folder.ServerCpu:F1} s (with originals in the database {pg.ServerCpu:F1} s). "
                    + $"Store bottleneck: {folder.StoreWait}")),
            new BenchRow(
                $"E-mail end to end, PostgreSQL on another machine ({2 * RemoteOneWay.TotalMilliseconds:0.#} ms round trip) against LiteDB store ({count:N0} messages, same run)",
                Rate.Format(remoteRate, "msg/s"),
                $"the LiteDB runs above: {Rate.Format(liteRate, "msg/s")}",
                remoteRate / liteRate,
                "–",
                string.Create(CultureInfo.InvariantCulture,
                    $"a node whose database is elsewhere in the building or the city: tickets and originals in PostgreSQL as in the first row, every chunk to and from the "
                    + $"server delayed {RemoteOneWay.TotalMilliseconds:0.#} ms each way by a loopback relay (latency only); faster of two runs "
                    + $"({Rates(remotes)}), alternating with the rows above "
                    + $"(on loopback {Rate.Format(rate, "msg/s")}); dispatch {remote.Clock.Total("store.DispatchAsync").TotalSeconds:F1} s "
                    + $"({DispatchPerBatch(remote):F0} ms a batch, on loopback "
                    + $"{DispatchPerBatch(pg):F0} ms). "
                    + $"Time by component: {remote.Clock.Describe(7)}. Store bottleneck: {remote.StoreWait}")),
        ];
    }

    private static async Task<Ingest> IngestAsync(BenchContext context, DovecotServer server, string user, int count, string? database, PostgresServer? postgres,
        CancellationToken cancellationToken, PostgreSqlArchiveKind archive = PostgreSqlArchiveKind.Database, TimeSpan? oneWay = null)
    {
        var clock = new PhaseClock();
        var settings = BenchServices.ImapChannel("urp", server, user);
        await using var link = oneWay is { } delay && database is not null ? new DelayingProxy(new NpgsqlConnectionStringBuilder(database).Port, delay) : null;
        database = link is null ? database : new NpgsqlConnectionStringBuilder(database) { Port = link.Port }.ConnectionString;
        if (database is not null)
        {
            settings["ContactCenter:Store:Provider"] = "PostgreSql";
            settings["ContactCenter:Store:PostgreSql:ConnectionString"] = database;
            settings["ContactCenter:Store:PostgreSql:Clustered"] = "false";
            settings["ContactCenter:Store:PostgreSql:Archive"] = archive.ToString();
        }

        var store = database is null ? "LiteDB" : archive == PostgreSqlArchiveKind.Folder ? "PostgreSQL (originals in a folder)"
            : link is not null ? "PostgreSQL (over a link)" : "PostgreSQL";
        await using var services = new BenchServices(context.NewFolder($"pgmail-{user}"), settings, clock: clock);
        await services.WarmUpAsync(cancellationToken);
        if (database is not null)
        {
            await ServerStatements.ResetAsync(database, cancellationToken);
        }

        var serverCpu = postgres is null ? 0 : ServerCpu.Seconds(postgres);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var summary = await services.Pipeline.RunAsync(services.Source("urp"), null, cancellationToken);
        var ended = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, ended);
        var storeWait = StoreWait.Measure(clock, started, ended);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (database is not null)
        {
            // The data pages the run left dirty in shared_buffers are part of its cost, written now rather than later.
            await ServerStatements.CheckpointAsync(database, cancellationToken);
        }

        serverCpu = postgres is null ? 0 : ServerCpu.Seconds(postgres) - serverCpu;
        if (database is not null)
        {
            await ServerStatements.SayAsync(database, cancellationToken);
        }

        var created = (await services.Store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, cancellationToken)).Count;
        var processed = await server.CountAsync(user, "Processed", cancellationToken);
        var inbox = await server.CountAsync(user, "INBOX", cancellationToken);
        BenchContext.Say($"pgmail: on {store} {created} tickets in {Rate.Seconds(elapsed)} ({Rate.PerSecond(created, elapsed):F0}/s), CPU {Rate.Seconds(cpu)}, "
            + $"server CPU {serverCpu:F1} s; {storeWait}; poll summary {summary}; time by component: {clock.Describe(12)}");
        if (created != count || processed != count || inbox != 0)
        {
            throw new InvalidOperationException($"ingest on {store} incomplete: {created} tickets, {processed} in Processed, {inbox} left in INBOX (expected {count})");
        }

        return new Ingest(elapsed, cpu, serverCpu, clock, storeWait);
    }

    private static async Task<string> MigratedDatabaseAsync(PostgresServer postgres, CancellationToken cancellationToken)
    {
        var database = await PooledDatabase.CreateAsync(postgres, cancellationToken);
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = database });
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, cancellationToken);
        return database;
    }

    private sealed record Ingest(TimeSpan Elapsed, TimeSpan Cpu, double ServerCpu, PhaseClock Clock, StoreWait StoreWait);
}
