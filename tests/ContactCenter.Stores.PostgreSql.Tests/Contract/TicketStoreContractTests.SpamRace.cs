using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    // Confirm read the record Held; a release made the ticket and wrote Released; then confirm's write lands.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateSpam_ConfirmAfterRelease_KeepsReleasedAndTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var held = await s.Store.HoldSpamAsync(Spam("k1", 16), default);
        var confirmsView = (await s.Store.GetSpamAsync(held.Id, default))!;
        var releasesView = (await s.Store.GetSpamAsync(held.Id, default))!;
        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        releasesView.Status = SpamStatus.Released;
        releasesView.ResultTicketNumber = outcome.TicketNumber;
        (await s.Store.UpdateSpamAsync(releasesView, SpamStatus.Held, default)).Should().BeTrue();

        confirmsView.Status = SpamStatus.Confirmed;
        var confirmed = await s.Store.UpdateSpamAsync(confirmsView, SpamStatus.Held, default);

        confirmed.Should().BeFalse();
        var after = (await s.Store.GetSpamAsync(held.Id, default))!;
        (after.Status, after.ResultTicketNumber).Should().Be((SpamStatus.Released, outcome.TicketNumber));
    }

    // A confirm won while the release was making its ticket: the release, whose ticket exists, still writes Released.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateSpam_ReleaseAfterConfirm_ExpectingConfirmed_EndsReleasedWithTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var held = await s.Store.HoldSpamAsync(Spam("k1", 16), default);
        var releasesView = (await s.Store.GetSpamAsync(held.Id, default))!;
        var confirmsView = (await s.Store.GetSpamAsync(held.Id, default))!;
        confirmsView.Status = SpamStatus.Confirmed;
        (await s.Store.UpdateSpamAsync(confirmsView, SpamStatus.Held, default)).Should().BeTrue();
        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        releasesView.Status = SpamStatus.Released;
        releasesView.ResultTicketNumber = outcome.TicketNumber;

        var fromHeld = await s.Store.UpdateSpamAsync(releasesView, SpamStatus.Held, default);
        var fromConfirmed = await s.Store.UpdateSpamAsync(releasesView, SpamStatus.Confirmed, default);

        (fromHeld, fromConfirmed).Should().Be((false, true));
        var after = (await s.Store.GetSpamAsync(held.Id, default))!;
        (after.Status, after.ResultTicketNumber).Should().Be((SpamStatus.Released, outcome.TicketNumber));
    }
}
