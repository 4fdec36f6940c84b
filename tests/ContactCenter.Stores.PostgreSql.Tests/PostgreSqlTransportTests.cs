namespace ContactCenter.Stores.PostgreSql.Tests;

public sealed class PostgreSqlTransportTests
{
    [Theory]
    [InlineData("Host=db1.example.it;Database=cc;Username=cc", "db1.example.it")]
    [InlineData("Host=db1.example.it;SSL Mode=Require;Username=cc", "db1.example.it")]
    [InlineData("Host=127.0.0.1,db2.example.it;Username=cc", "db2.example.it")]
    [InlineData("Host=db1.example.it;SSL Mode=VerifyFull;Username=cc", null)]
    [InlineData("Host=db1.example.it;SSL Mode=VerifyCA;Username=cc", null)]
    [InlineData("Host=localhost;Username=cc", null)]
    [InlineData("Host=127.0.0.1;Port=55432;Username=cc", null)]
    [InlineData("Host=/var/run/postgresql;Username=cc", null)]
    public void UnverifiedHost_NamesARemoteHostWithoutAVerifiedCertificate(string connectionString, string? expected) =>
        PostgreSqlTransport.Unverified(connectionString)?.Host.Should().Be(expected);
}
