using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Testing;

/// <summary>The store's real content-addressed archive, for tests of projects that cannot see Core's internals.</summary>
public static class ContentArchives
{
    public static IContentArchive InFolder(string root) => new ContentArchive(root, NullLogger<ContentArchive>.Instance);
}
