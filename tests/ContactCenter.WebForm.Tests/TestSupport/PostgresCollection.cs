using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.WebForm.Tests.TestSupport;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
