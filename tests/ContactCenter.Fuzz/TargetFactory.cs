namespace ContactCenter.Fuzz;

internal static class TargetFactory
{
    public static bool IsKnown(string name) => name is "mail" or "page";

    public static IFuzzTarget Create(string name, bool strict) => name switch
    {
        "mail" => new MailTarget(strict),
        "page" => new PageTarget(strict),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown target"),
    };
}
