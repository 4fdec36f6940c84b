using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Workers.Tests.EndToEnd;

[CollectionDefinition(DovecotFixture.Collection)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>;
