using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Holds <c>{database}.lock</c> exclusively while the store is open. LiteDB 5.0.21 in Direct mode lets a second process
/// open and write the same file (checked on Linux: both writes landed), which would corrupt it; .NET maps
/// FileShare.None to an exclusive flock on Unix and to a share-mode lock on Windows, released when the process dies.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static StoreLock Acquire(string databasePath)
    {
        FileStream file;
        try
        {
            file = new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new TicketStoreInUseException(databasePath, e);
        }

        // Who holds it, for whoever finds the file: informational only, the lock is what counts.
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush();
        return new StoreLock(file);
    }

    public void Dispose() => _file.Dispose();
}
