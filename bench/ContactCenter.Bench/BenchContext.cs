using ContactCenter.Testing;

namespace ContactCenter.Bench;

/// <summary>What every benchmark gets: the run's size, a scratch folder and where to say what it is doing.</summary>
internal sealed class BenchContext(bool quick, TempDirectory scratch)
{
    public bool Quick { get; } = quick;

    public TempDirectory Scratch { get; } = scratch;

    /// <summary>Full size, or the quick size when <c>--quick</c> was given.</summary>
    public int Size(int full, int quick) => Quick ? quick : full;

    public string NewFolder(string name)
    {
        var path = Scratch.Combine($"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Say(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
