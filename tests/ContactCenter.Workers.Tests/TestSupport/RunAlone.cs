namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>
/// The trait of the classes whose collection runs alone (crash suite, corpus, metrics). <c>scripts/test.sh</c> runs
/// them in a test process of their own beside the rest of the suite (one at a time there, as their collections ask):
/// in the main process they would run last, one thread on an otherwise idle machine, for about five minutes.
/// </summary>
public static class RunAlone
{
    public const string Trait = "Schedule";
    public const string Value = "RunAlone";
}
