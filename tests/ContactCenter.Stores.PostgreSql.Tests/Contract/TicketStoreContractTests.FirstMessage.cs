using System.Text.Json.Nodes;
using ContactCenter.Core.Storage;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using LiteDB;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A ticket's text, HTML and attachments are its first message's: stored once, read back on both.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewTicket_FirstMessagesTextStoredOnce_ReadBackOnTheTicketAfterAFollowUp(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var first = StoreRequests.Mail("k1", messageId: "<m1@example.it>", body: "Vorrei sapere se il ponte è aperto.");
        first.Draft.HtmlBody = "<p>Vorrei sapere se il ponte è aperto.</p>";
        first.Draft.Attachments.Add(RepeatingTickets.Photo);
        await s.Store.DispatchAsync([first], default);
        await s.Store.DispatchAsync([StoreRequests.Mail("k2", subject: "Re: PC-2026-000001", inReplyTo: "<m1@example.it>", body: "Aggiungo una foto.")], default);

        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        var raw = await RawTicketAsync(s, "PC-2026-000001");

        ticket.Messages.Should().HaveCount(2);
        ticket.TextBody.Should().Be("Vorrei sapere se il ponte è aperto.");
        ticket.HtmlBody.Should().Be("<p>Vorrei sapere se il ponte è aperto.</p>");
        ticket.Attachments.Should().Equal(first.Draft.Attachments);
        raw.Select(p => p.Key).Should().NotContain(TicketFirstMessageCopies.Fields, "the first message holds them");
        raw["Messages"]![0]!["TextBody"]!.GetValue<string>().Should().Be("Vorrei sapere se il ponte è aperto.");
        raw["Messages"]![0]!["Attachments"]!.AsArray().Should().ContainSingle();
    }

    /// <summary>The ticket's stored document as JSON: LiteDB's from a backup copy (the store owns its file), PostgreSQL's as its owner.</summary>
    private static async Task<JsonObject> RawTicketAsync(StoreUnderTest s, string number)
    {
        if (s.Provider == StoreProvider.PostgreSql)
        {
            await using var dataSource = NpgsqlDataSource.Create(s.OwnerConnectionString);
            return JsonNode.Parse((string)(await dataSource.ScalarAsync($"SELECT doc::text FROM tickets WHERE number = '{number}'"))!)!.AsObject();
        }

        var copy = Path.Combine(Path.GetTempPath(), $"cc-raw-{Guid.NewGuid():N}.db");
        try
        {
            await s.Store.BackupAsync(copy, default);
            using var db = new LiteDatabase(new LiteDB.ConnectionString { Filename = copy, ReadOnly = true });
            return JsonNode.Parse(LiteDB.JsonSerializer.Serialize(db.GetCollection("tickets").FindOne(Query.EQ("Number", number))))!.AsObject();
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
