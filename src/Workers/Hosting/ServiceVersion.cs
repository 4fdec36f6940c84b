using System.Reflection;

namespace ContactCenter.Workers.Hosting;

/// <summary>
/// The program's version as the build stamped it: the project version and the commit it was built from
/// (<c>1.0.0+aa9ef1bf3651</c>), so an admin with two nodes, or a bug report, can tell which code runs.
/// </summary>
internal static class ServiceVersion
{
    private const int CommitLength = 12;

    public static string Current { get; } = Shorten(
        typeof(ServiceVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServiceVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown");

    /// <summary>The SDK appends the whole commit hash; twelve characters name it in any repository of this size.</summary>
    internal static string Shorten(string stamped)
    {
        var plus = stamped.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && stamped.Length > plus + 1 + CommitLength ? stamped[..(plus + 1 + CommitLength)] : stamped;
    }
}
