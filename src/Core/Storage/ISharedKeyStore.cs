namespace ContactCenter.Core.Storage;

/// <summary>
/// Secrets every node of a cluster must hold alike, kept in the shared store (the PostgreSQL store registers one; the
/// embedded store does not, and a single machine keeps them in its data folder): the online form's signing keys, so a
/// form served by one node is accepted by another and a receipt's tracking link opens on any of them; and the refresh
/// tokens an OAuth2 provider rotates, so a node does not log in with one another node already spent. Callers give and
/// get values in the clear; the PostgreSQL store seals them at rest when the nodes share a secrets key.
/// The form's reads and writes are synchronous, because their callers are (ASP.NET Core's key ring repository, a
/// lazily loaded key).
/// </summary>
public interface ISharedKeyStore
{
    /// <summary>The value kept under <paramref name="name"/>; when there is none yet, <paramref name="value"/> is kept and returned (the first caller wins).</summary>
    string GetOrAdd(string name, string value);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="name"/> unless that name is taken.</summary>
    void Add(string name, string value);

    /// <summary>The values of every name that starts with <paramref name="prefix"/>, oldest first.</summary>
    IReadOnlyList<string> List(string prefix);

    /// <summary>The value kept under <paramref name="name"/>, or null.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="name"/>, replacing what was there.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="name"/> if it still holds <paramref name="value"/> (another node may have replaced it since).</summary>
    Task RemoveAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> while no other node runs one under the same <paramref name="name"/>.</summary>
    Task<T> ExclusivelyAsync<T>(string name, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken);
}
