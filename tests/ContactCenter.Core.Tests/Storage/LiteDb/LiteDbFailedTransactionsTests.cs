using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Testing;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbFailedTransactionsTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-litedb-transactions");

    /// <summary>Fails when a LiteDB upgrade moved the fields read to turn the finalizers off (see the class).</summary>
    [Fact]
    public void Of_AnEngineWithAnOpenTransaction_FindsIt()
    {
        using var db = new LiteDatabase($"Filename={_temp.Combine("t.db")};Connection=Direct");
        db.BeginTrans().Should().BeTrue();
        db.GetCollection("tickets").Insert(new BsonDocument { ["Number"] = "PC-2026-000001" });

        var transactions = LiteDbFailedTransactions.Of(db);

        transactions.Should().ContainSingle().Which.GetType().Name.Should().Be("TransactionService");
        LiteDbFailedTransactions.ReaderOf(transactions![0]).Should().NotBeNull().And.Subject.GetType().Name.Should().Be("DiskReader");
        db.Rollback().Should().BeTrue();
    }

    public void Dispose() => _temp.Dispose();
}
