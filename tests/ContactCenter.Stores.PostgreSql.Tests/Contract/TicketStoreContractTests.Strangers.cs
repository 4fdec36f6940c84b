using ContactCenter.Testing.Storage;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A follow-up naming a ticket from a sender it does not know: appended but marked and flagged, or a new linked ticket.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_StrangerQuotesTicketNumber_AppendedMarkedAndFlagged(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k2", "RE: [PC-2026-000001]", senderEmail: "estraneo@example.org")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.FromDifferentSender).Should().Equal(false, true);
        ticket.NeedsReview.Should().BeTrue();
        ticket.ReviewReason.Should().Be("Seguito da un mittente diverso (estraneo@example.org) da quelli della pratica PC-2026-000001");
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.FlaggedForReview)
            .Which.Should().Match<TicketEvent>(e => e.SourceKey == "k2" && e.Detail == ticket.ReviewReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SubjectNamesAStrangersTicket_HeadersTheSendersOwn_GoesToTheSendersTicketWithANote(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", senderEmail: "ufficio@comune.example.it")], default);
        await s.Store.DispatchAsync([StoreRequests.Mail("k2", "Come diventare volontaria", messageId: "<orig@example.it>", senderEmail: "giulia@example.it")], default);

        // Her mailer's In-Reply-To names her own request; the number in the subject is the first ticket's.
        var outcome = (await s.Store.DispatchAsync(
            [StoreRequests.Mail("k3", "R: [PC-2026-000001] Come diventare volontaria", inReplyTo: "<orig@example.it>", senderEmail: "Giulia@Example.it")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000002"));
        var hers = (await s.Store.GetAsync("PC-2026-000002", default))!;
        hers.Messages.Should().HaveCount(2).And.OnlyContain(m => !m.FromDifferentSender);
        hers.NeedsReview.Should().BeFalse();
        hers.History.Should().ContainSingle(e => e.Kind == TicketEventKind.Note).Which.Should().Match<TicketEvent>(e => e.SourceKey == "k3"
            && e.Detail == "L'oggetto cita la pratica PC-2026-000001, di un altro mittente: il seguito è abbinato a questa pratica, a cui risponde (In-Reply-To/References)");
        var other = (await s.Store.GetAsync("PC-2026-000001", default))!;
        other.Messages.Should().ContainSingle("nothing was written into the other sender's ticket");
        other.NeedsReview.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SubjectAndHeadersNameTicketsOfOthers_TheSubjectsTicketTakesItFlagged(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", senderEmail: "ufficio@comune.example.it")], default);
        await s.Store.DispatchAsync([StoreRequests.Mail("k2", "Domanda", messageId: "<orig@example.it>", senderEmail: "giulia@example.it")], default);

        var outcome = (await s.Store.DispatchAsync(
            [StoreRequests.Mail("k3", "R: [PC-2026-000001]", inReplyTo: "<orig@example.it>", senderEmail: "estraneo@example.org")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"), "the sender decides nothing: the subject wins, as before");
        (await s.Store.GetAsync("PC-2026-000001", default))!.NeedsReview.Should().BeTrue();
        (await s.Store.GetAsync("PC-2026-000002", default))!.History.Should().NotContain(e => e.Kind == TicketEventKind.Note);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_StrangerThenStrangerAgain_BothFlagged_CorrespondentInAnotherCaseNot(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);

        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k2", "Re: altro", inReplyTo: "<orig@example.it>", senderEmail: "estraneo@example.org"),
            StoreRequests.Mail("k3", "RE: [PC-2026-000001]", senderEmail: "estraneo@example.org"),
            StoreRequests.Mail("k4", "RE: [PC-2026-000001]", senderEmail: " Mario.Rossi@Example.it "),
        ], default);

        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Select(m => m.FromDifferentSender).Should().Equal(false, true, true, false);
        ticket.History.Where(e => e.Kind == TicketEventKind.FlaggedForReview).Select(e => e.SourceKey).Should().Equal("k2", "k3");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_KnownCorrespondent_NotFlagged(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var request = StoreRequests.Mail("k2", "RE: [PC-2026-000001]");
        request.Draft.FollowUpFromStrangers = FollowUpFromStrangers.NewTicket;

        var outcome = (await s.Store.DispatchAsync([request], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.FollowUpAppended, "PC-2026-000001"));
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(2).And.OnlyContain(m => !m.FromDifferentSender);
        ticket.NeedsReview.Should().BeFalse();
        ticket.History.Should().NotContain(e => e.Kind == TicketEventKind.FlaggedForReview);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewTicketMode_StrangerOpensALinkedTicket_NotedOnBoth(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var request = StoreRequests.Mail("k2", "RE: [PC-2026-000001]", senderEmail: "estraneo@example.org");
        request.Draft.FollowUpFromStrangers = FollowUpFromStrangers.NewTicket;

        var outcome = (await s.Store.DispatchAsync([request], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002", LinkedTicketNumber: "PC-2026-000001"));
        var created = (await s.Store.GetAsync("PC-2026-000002", default))!;
        created.LinkedTicketNumber.Should().Be("PC-2026-000001");
        created.History.Should().Contain(e => e.Kind == TicketEventKind.Note && e.SourceKey == "k2"
            && e.Detail == "Aperta da un seguito di un mittente diverso (estraneo@example.org) alla pratica PC-2026-000001");
        var named = (await s.Store.GetAsync("PC-2026-000001", default))!;
        named.Messages.Should().ContainSingle("nothing was written into the citizen's ticket");
        named.NeedsReview.Should().BeFalse();
        named.History.Should().Contain(e => e.Kind == TicketEventKind.Note && e.SourceKey == "k2"
            && e.Detail == "Un mittente diverso (estraneo@example.org) ha scritto su questa pratica: aperta la pratica PC-2026-000002");
        (await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 100, [], default)).Where(r => r.Webhook == "crm").Select(r => (r.EventType, r.TicketNumber, r.Change))
            .Should().Equal(
                (WebhookEventTypes.TicketCreated, "PC-2026-000001", "Received"),
                (WebhookEventTypes.TicketCreated, "PC-2026-000002", "Received"),
                (WebhookEventTypes.TicketUpdated, "PC-2026-000001", WebhookSubscriptions.LinkedTicketOpened));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_LetterOrFaxWithoutEmail_NeverAStranger(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        var outcomes = await s.Store.DispatchAsync([WithoutEmail("k2", ChannelKind.Postal), WithoutEmail("k3", ChannelKind.Fax)], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.FollowUpAppended && o.TicketNumber == "PC-2026-000001");
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(3).And.OnlyContain(m => !m.FromDifferentSender);
        ticket.NeedsReview.Should().BeFalse();
    }

    /// <summary>A scanned letter or a fax quoting the ticket number: a name, no address to compare; NewTicket mode would open a ticket for a stranger.</summary>
    private static DispatchRequest WithoutEmail(string sourceKey, ChannelKind channel)
    {
        var template = StoreRequests.Mail(sourceKey, "Sollecito pratica PC-2026-000001", receiptTo: null);
        var draft = new TicketDraft
        {
            SourceKey = sourceKey,
            ChannelName = channel == ChannelKind.Fax ? "fax" : "posta-cartacea",
            Channel = channel,
            ReceivedAt = template.Draft.ReceivedAt,
            Sender = new Party { DisplayName = "Mario Rossi" },
            Subject = template.Draft.Subject,
            TextBody = template.Draft.TextBody,
            Original = template.Draft.Original,
            FollowUpFromStrangers = FollowUpFromStrangers.NewTicket,
        };
        return new DispatchRequest
        {
            Draft = draft,
            Classification = template.Classification,
            ClockStartedAt = template.ClockStartedAt,
            DueAt = template.DueAt,
            ReceiptSuppressedReason = "nessun indirizzo",
        };
    }
}
