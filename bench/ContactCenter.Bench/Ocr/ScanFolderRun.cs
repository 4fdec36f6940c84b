using System.Diagnostics;
using ContactCenter.Testing;
using LiteDB;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// The scan-folder channel as a user runs it: the pages copied into a fresh folder, then one
/// <c>contactcenter ingest --once</c> process (start, engine load, OCR, classification, store) timed from outside.
/// </summary>
internal static class ScanFolderRun
{
    public static async Task<OcrRun> RunAsync(string folder, IReadOnlyList<string> pages, int engines, CancellationToken cancellationToken)
    {
        var scans = Path.Combine(folder, "scans");
        Directory.CreateDirectory(scans);
        foreach (var page in pages)
        {
            File.Copy(page, Path.Combine(scans, Path.GetFileName(page)));
        }

        var data = Path.Combine(folder, "data");
        var config = JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = data },
            Receipts = new { Enabled = false },
            Ocr = new { EngineCount = engines },
            Pipeline = new { MaxParallelNormalizers = engines },
            Channels = new Dictionary<string, object> { ["posta"] = new { Type = "ScanFolder", Paths = new[] { scans }, StableFor = "00:00:00" } },
        });
        var rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");
        var started = Stopwatch.GetTimestamp();
        var usage = await ChildUsage.RunAsync(
            "dotnet", [InstalledProgram.Dll, "ingest", "--once", "--json", "--config", rules, "--config", config],
            new Dictionary<string, string>(), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (usage.Run.ExitCode != 0)
        {
            throw new InvalidOperationException($"contactcenter ingest --once exited with {usage.Run.ExitCode}: {usage.Run.StandardOutput}{usage.Run.StandardError}");
        }

        return new OcrRun(elapsed, usage.CpuSeconds, usage.PeakBytes, TicketTexts(Path.Combine(data, "tickets.db"), pages));
    }

    /// <summary>Each page's ticket body, found by the archived original's file name.</summary>
    private static string[] TicketTexts(string database, IReadOnlyList<string> pages)
    {
        using var db = new LiteDatabase($"Filename={database};ReadOnly=true");
        // The ticket's text is kept once, in its first message.
        var bodies = db.GetCollection("tickets").FindAll().Select(t => t["Messages"].AsArray[0])
            .ToDictionary(m => m["Original"]["FileName"].AsString, m => m["TextBody"].AsString);
        return pages.Select(p => bodies.TryGetValue(Path.GetFileName(p), out var body)
            ? body
            : throw new InvalidOperationException($"no ticket for {Path.GetFileName(p)}: the channel quarantined or skipped it")).ToArray();
    }
}
