using ContactCenter.Testing.OAuth;

namespace ContactCenter.Channels.Tests.OAuth;

[CollectionDefinition(DovecotOAuth2Fixture.Collection)]
public sealed class DovecotOAuth2Collection : ICollectionFixture<DovecotOAuth2Fixture>;
