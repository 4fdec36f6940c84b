using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>Several <c>contactcenter run</c> nodes on one PostgreSQL, reading one Dovecot mailbox.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<DovecotFixture>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "Cluster";
}
