using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

[CollectionDefinition(DovecotFixture.Collection)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>;
