using ContactCenter.Core.Storage;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// Every round trip a batch makes is paid once per batch by each node whose database is elsewhere (5 ms in the
/// building, 20 ms to the other site), so their number is part of the store's contract.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlRoundTripTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Dispatch_BatchOfNewTickets_ReadsAndLocksInOneRoundTripThenWritesAndCommitsInAnother()
    {
        await using var rig = await PooledStore.CreateAsync(postgres);
        await rig.Store.DispatchAsync([StoreRequests.Mail("warm-up")], default);

        var before = rig.Relay.Turns;
        await rig.Store.GetModeAsync(default);
        var modeRead = rig.Relay.Turns - before;
        before = rig.Relay.Turns;
        var outcomes = await rig.Store.DispatchAsync([.. Enumerable.Range(0, 10).Select(i => StoreRequests.Mail($"k{i}", receiptTo: $"cittadino{i}@example.it"))], default);
        var dispatch = rig.Relay.Turns - before;

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        modeRead.Should().Be(1, "one statement on a kept connection is one round trip");
        dispatch.Should().Be(2, "the batch's reads and counter lock go in one round trip, its rows and COMMIT in another");
        (await rig.Store.QueryAsync(new TicketQuery(), default)).Should().HaveCount(11);
    }

    [Fact]
    public async Task Dispatch_RepliesNamingTheirTicketInTheSubject_StillTwoRoundTrips()
    {
        await using var rig = await PooledStore.CreateAsync(postgres);
        var first = await rig.Store.DispatchAsync([StoreRequests.Mail("first", messageId: "<first@example.it>")], default);
        var number = first.Single().TicketNumber;

        var before = rig.Relay.Turns;
        var outcomes = await rig.Store.DispatchAsync([
            StoreRequests.Mail("new", messageId: "<new@example.it>"),
            StoreRequests.Mail("reply", subject: $"Re: Richiesta informazioni allerta meteo [{number}]", messageId: "<reply@example.it>", inReplyTo: "<first@example.it>"),
            StoreRequests.Mail("by-subject", subject: $"Ancora sulla pratica {number}", messageId: "<other@example.it>"),
        ], default);
        var dispatch = rig.Relay.Turns - before;

        outcomes.Select(o => (o.Kind, o.TicketNumber == number)).Should().Equal(
            (DispatchOutcomeKind.Created, false), (DispatchOutcomeKind.FollowUpAppended, true), (DispatchOutcomeKind.FollowUpAppended, true));
        dispatch.Should().Be(2, "the ticket a subject names is locked and read with the batch's other reads");
        (await rig.Store.GetAsync(number!, default))!.Messages.Should().HaveCount(3);
    }

    [Fact]
    public async Task Dispatch_RowRefusedBesideTheCommit_NothingStoredAndTheKeptConnectionServesTheNextBatch()
    {
        await using var rig = await PooledStore.CreateAsync(postgres, maxPoolSize: 1);
        await rig.AsOwnerAsync(
            """
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.source_key = 'poison' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_poison BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);

        var refused = () => rig.Store.DispatchAsync([StoreRequests.Mail("fine-1"), StoreRequests.Mail("poison")], default);

        (await refused.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Be("refused for the test");
        var outcomes = await rig.Store.DispatchAsync([StoreRequests.Mail("fine-2")], default);
        outcomes.Should().ContainSingle().Which.Kind.Should().Be(DispatchOutcomeKind.Created);
        var tickets = await rig.Store.QueryAsync(new TicketQuery(), default);
        tickets.Select(t => (t.SourceKey, t.Number)).Should().Equal([("fine-2", "PC-2026-000001")],
            "the refused batch's rows, counter and COMMIT were skipped together, and its numbers given back");
        (await rig.Store.FindKnownSourcesAsync(["fine-1", "poison"], default)).Should().BeEmpty();
    }
}
