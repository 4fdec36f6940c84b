using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage;

public sealed class ContentFingerprintTests
{
    private static TicketDraft Draft(string text = "Albero caduto\r\nin via Roma", string email = "Mario.Rossi@Example.it", string? date = "2026-11-23T10:15:00+01:00", params string[] attachments)
    {
        var draft = new TicketDraft
        {
            SourceKey = "k", ChannelName = "posta", Channel = ChannelKind.Email, ReceivedAt = DateTimeOffset.UnixEpoch,
            Sender = new Party { Email = email }, Subject = "Segnalazione", TextBody = text,
            Attachments = [.. attachments.Select(a => new TicketAttachment { Sha256 = a })],
        };
        if (date is not null)
        {
            draft.Metadata[ContentFingerprint.DateMetadataKey] = date;
        }

        return draft;
    }

    [Fact]
    public void Of_SameMessageReencodedOrRewrapped_Matches()
    {
        var first = ContentFingerprint.Of(Draft("Albero caduto\r\nin via Roma", date: "2026-11-23T10:15:00+01:00", attachments: ["AB", "cd"]));
        var second = ContentFingerprint.Of(Draft("Albero caduto in via   Roma\n", "mario.rossi@example.it", "2026-11-23T09:15:00Z", "cd", "ab"));

        second.SameMessageAs(first).Should().BeTrue();
        ContentFingerprint.Parse(first.ToString()).Should().Be(first);
    }

    [Fact]
    public void Differences_NameWhatDiffers_UnknownDateMatchesAny()
    {
        var first = ContentFingerprint.Of(Draft());

        ContentFingerprint.Of(Draft("Frana")).Differences(first).Should().Equal("contenuto");
        ContentFingerprint.Of(Draft(email: "altro@example.it", date: null)).Differences(first).Should().Equal("mittente", "data");
        ContentFingerprint.Of(Draft(attachments: "ff")).Differences(first).Should().Equal("contenuto");
        (first with { Date = null }).SameMessageAs(ContentFingerprint.Of(Draft(date: "2020-01-01T00:00:00Z"))).Should().BeTrue();
        ContentFingerprint.Parse("v0|x|y|z").Should().BeNull();
    }

    [Fact]
    public void Of_LoneSurrogate_StillHashes()
    {
        var act = () => ContentFingerprint.Of(Draft("a\ud800b"));

        act.Should().NotThrow();
    }
}
