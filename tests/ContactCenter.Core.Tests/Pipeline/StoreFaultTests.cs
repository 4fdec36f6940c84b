using System.Data.Common;
using ContactCenter.Core.Pipeline;

namespace ContactCenter.Core.Tests.Pipeline;

/// <summary>Which database errors blame the store (the poll fails, the items wait) and which are judged by storing the batch one by one.</summary>
public sealed class StoreFaultTests
{
    [Theory]
    [InlineData("58P01")] // a data file gone from under the server
    [InlineData("58030")] // an I/O error
    [InlineData("42501")] // the service's role may no longer write a table
    [InlineData("25006")] // a read-only database (a standby, maintenance)
    [InlineData("XX001")] // a corrupt page
    [InlineData("42P01")] // a table missing: a schema older than the program
    [InlineData("53100")] // a full disk
    [InlineData("57P01")] // the server shutting down
    [InlineData("08006")] // the connection lost
    public void Is_ServerSideSqlState_TheStoreIsAtFault(string sqlState) =>
        StoreFault.Is(new DatabaseError(sqlState)).Should().BeTrue();

    [Theory]
    [InlineData("22021")] // a byte sequence the database's encoding refuses
    [InlineData("22001")] // a value too long for its column
    [InlineData("23505")] // a unique key taken
    [InlineData("54000")] // a row over the server's size limit
    [InlineData("57014")] // a statement_timeout: perhaps one huge item
    [InlineData("P0001")] // raised by a trigger an administrator added
    public void Is_SqlStateThatMayBeTheItems_JudgedOneByOne(string sqlState) =>
        StoreFault.Is(new DatabaseError(sqlState)).Should().BeFalse();

    [Fact]
    public void Is_ServerSideSqlStateWrapped_TheStoreIsAtFault() =>
        StoreFault.Is(new InvalidOperationException("dispatch failed", new DatabaseError("58P01"))).Should().BeTrue();

    [Fact]
    public void Is_DatabaseErrorWithoutSqlState_AnItemsRefusal() =>
        StoreFault.Is(new DatabaseError(null)).Should().BeFalse();

    private sealed class DatabaseError(string? sqlState) : DbException("refused")
    {
        public override string? SqlState => sqlState;
    }
}
