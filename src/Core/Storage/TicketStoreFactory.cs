using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Storage.LiteDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Core.Storage;

/// <summary>Opens the store and the archive without dependency injection (CLI verbs with no service running, tests).</summary>
public static class TicketStoreFactory
{
    /// <summary>
    /// Opens the LiteDB store now (Direct mode: the file is held exclusively until disposed). Throws
    /// <see cref="InvalidDataException"/> if the path holds a file that is not a LiteDB database. Ticket changes queue
    /// webhook deliveries for <paramref name="webhooks"/> (none when null).
    /// </summary>
    public static ITicketStore Open(StoreOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null,
        WebhookSubscriptions? webhooks = null)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LiteDbTicketStore>();
        return new LiteDbTicketStore(options, timeProvider ?? TimeProvider.System, logger, webhooks);
    }

    public static IContentArchive OpenArchive(StoreOptions options, ILoggerFactory? loggerFactory = null) =>
        new ContentArchive(options.ResolvedArchivePath, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ContentArchive>());
}
