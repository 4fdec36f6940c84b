namespace ContactCenter.Fuzz;

/// <summary>Runs saved inputs through a target without afl-fuzz: triage of crashes and a quick check of the seeds.</summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        var crashes = 0;
        foreach (var file in paths.SelectMany(Expand))
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok     {file}");
            }
            catch (Exception ex)
            {
                crashes++;
                Console.WriteLine($"CRASH  {file}: {ex.GetType().FullName}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        return crashes == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "README.txt").Order(StringComparer.Ordinal)
            : [path];
}
