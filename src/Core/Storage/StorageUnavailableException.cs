namespace ContactCenter.Core.Storage;

/// <summary>
/// The service's own storage refused a write (disk full, quota, read-only or failing disk, the database unreachable).
/// The item is not at fault, so it is not quarantined: the poll fails, acknowledges nothing, and a later poll takes
/// the item again once the storage is back, as after a store outage.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>True for what a file system says when it cannot take a write; never for a cancellation.</summary>
    public static bool IsFileSystemFault(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
