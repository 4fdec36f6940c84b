using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Stores.PostgreSql.Tests;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
