using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Storage;

/// <summary><c>ContactCenter:Store</c>: where tickets, originals and quarantined items live.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "ContactCenter:Store";

    /// <summary>LiteDb (default: one file, one process) or PostgreSql (section <c>ContactCenter:Store:PostgreSql</c>, several nodes).</summary>
    [EnumDataType(typeof(StoreProvider), ErrorMessage = "ContactCenter:Store:Provider: must be one of LiteDb, PostgreSql.")]
    public StoreProvider Provider { get; set; } = StoreProvider.LiteDb;

    /// <summary>Base folder; the other paths default to files and folders inside it.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The LiteDB file; default <c>{DataDirectory}/tickets.db</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Content-addressed archive of originals and attachments; default <c>{DataDirectory}/archive</c>.</summary>
    public string? ArchivePath { get; set; }

    /// <summary>Quarantined files with their reasons; default <c>{DataDirectory}/quarantine</c>.</summary>
    public string? QuarantinePath { get; set; }

    /// <summary>Ticket number prefix, e.g. PC for PC-2026-000042.</summary>
    [Required]
    [RegularExpression("^[A-Za-z]{1,10}$", ErrorMessage = "TicketPrefix must be 1 to 10 letters.")]
    public string TicketPrefix { get; set; } = "PC";

    public string ResolvedDatabasePath => DatabasePath ?? Path.Combine(DataDirectory, "tickets.db");

    public string ResolvedArchivePath => ArchivePath ?? Path.Combine(DataDirectory, "archive");

    public string ResolvedQuarantinePath => QuarantinePath ?? Path.Combine(DataDirectory, "quarantine");
}
