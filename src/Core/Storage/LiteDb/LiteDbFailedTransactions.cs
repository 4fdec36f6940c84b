using System.Collections;
using System.Reflection;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// In LiteDB 5.0.21 a transaction whose commit failed midway cannot be disposed: its pages went to the log writer and
/// are no longer writable, so disposing it fails an internal check ("discarded page must be writable"). Closing the
/// engine tries, swallows that failure and leaves the transaction to its finalizer, which fails the same way on the
/// finalizer thread and ends the process. So before such an engine is closed its transactions' finalizers are turned
/// off; their memory goes with the engine. The failed dispose also never gave back the file streams the transaction's
/// reader had taken from the engine's pools, so closing the engine left them open, and the store could not open its
/// files again (the log "used by another process") until a garbage collection happened to finalize them: each
/// transaction's reader is disposed here, which returns its streams to the pools the engine then closes. LiteDB has no
/// public way to reach them and the fields are read by name: if a later version renames them, the engine is kept
/// referenced instead (one engine's memory per failed write, not a crash), and <c>LiteDbFailedTransactionsTests</c> fails.
/// </summary>
internal static class LiteDbFailedTransactions
{
    private static readonly List<LiteDatabase> Kept = [];

    public static void ForgetBeforeClosing(LiteDatabase db)
    {
        if (Of(db) is { } transactions)
        {
            foreach (var transaction in transactions)
            {
                GC.SuppressFinalize(transaction);
                ReaderOf(transaction)?.Dispose();
            }

            return;
        }

        lock (Kept)
        {
            Kept.Add(db);
        }
    }

    /// <summary>The engine's open transactions, or null when LiteDB's fields are not where this version has them.</summary>
    internal static List<object>? Of(LiteDatabase db) =>
        Field(Field(Field(db, "_engine"), "_monitor"), "_transactions") is IDictionary transactions
            ? [.. transactions.Values.Cast<object>()]
            : null;

    /// <summary>The transaction's reader, holding the file streams it took from the engine's pools.</summary>
    internal static IDisposable? ReaderOf(object transaction) => Field(transaction, "_reader") as IDisposable;

    private static object? Field(object? owner, string name) =>
        owner?.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(owner);
}
