namespace ContactCenter.Core.Routing;

/// <summary>Whether one condition of a rule held, and the reasons in words an operator reads.</summary>
internal sealed record ConditionResult(bool Passed, IReadOnlyList<string> Reasons)
{
    public static ConditionResult Pass(params string[] reasons) => new(true, reasons);

    public static ConditionResult Fail(string reason) => new(false, [reason]);
}
