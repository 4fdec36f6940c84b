namespace ContactCenter.Core.Routing;

/// <summary>Whether one condition of a rule held, and the reasons in words an operator reads.</summary>
internal sealed class ConditionResult
{
    private readonly Func<string>? _failure;
    private IReadOnlyList<string>? _reasons;

    private ConditionResult(bool passed, IReadOnlyList<string>? reasons, Func<string>? failure)
    {
        Passed = passed;
        _reasons = reasons;
        _failure = failure;
    }

    public bool Passed { get; }

    /// <summary>What held, or why not; a failure's words are written only when something reads them.</summary>
    public IReadOnlyList<string> Reasons => _reasons ??= [_failure!()];

    public static ConditionResult Pass(params IReadOnlyList<string> reasons) => new(true, reasons, null);

    public static ConditionResult Fail(string reason) => new(false, [reason], null);

    /// <summary>
    /// A failure explained only on demand: classifying reads no failure, and every rule that does not match fails one
    /// condition, so building those sentences (the rule's whole word list) for every item was wasted work.
    /// </summary>
    public static ConditionResult Fail(Func<string> reason) => new(false, null, reason);
}
