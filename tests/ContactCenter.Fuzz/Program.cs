using ContactCenter.Fuzz;
using SharpFuzz;

// Usage: ContactCenter.Fuzz TARGET                 run under afl-fuzz (or once on stdin without it)
//        ContactCenter.Fuzz TARGET --replay PATH…  run files or folders once each; exit 1 if any crashes
// TARGET: mail | page | fax. FUZZ_STRICT=1 also counts library exceptions the product turns into rejections as crashes.
if (args.Length == 0 || !TargetFactory.IsKnown(args[0]))
{
    Console.Error.WriteLine("usage: ContactCenter.Fuzz mail|page|fax [--replay PATH...]");
    return 2;
}

// Instrumented assemblies write coverage to this map; outside afl-fuzz (replay) it must still point somewhere.
CoverageMap.EnsureForReplay();
var strict = Environment.GetEnvironmentVariable("FUZZ_STRICT") == "1";
using var target = TargetFactory.Create(args[0], strict);
if (args.Length > 1 && args[1] == "--replay")
{
    return Replay.Run(target, args[2..]);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
