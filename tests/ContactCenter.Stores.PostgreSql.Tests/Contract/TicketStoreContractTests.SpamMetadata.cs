using ContactCenter.Core.Storage;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HoldSpam_ItemMetadata_KeptForTheRelease(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var record = Spam("imap:a/INBOX/7/9", 17.5);
        record.ItemMetadata = new() { ["mail.mailbox"] = "urp", ["imap.folder"] = "INBOX", ["imap.uid"] = "9", ["imap.uidvalidity"] = "7" };
        var held = await s.Store.HoldSpamAsync(record, default);

        var read = (await s.Reopen().GetSpamAsync(held.Id, default))!;

        read.ItemMetadata.Should().BeEquivalentTo(record.ItemMetadata);
        read.Verdict.Should().Contain("mail.spam.verdict", "spam");
    }
}
