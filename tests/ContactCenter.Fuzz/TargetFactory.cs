namespace ContactCenter.Fuzz;

internal static class TargetFactory
{
    public static bool IsKnown(string name) => name is "mail" or "page" or "fax";

    public static IFuzzTarget Create(string name, bool strict) => name switch
    {
        "mail" => new MailTarget(strict),
        "page" => new PageTarget(strict),
        "fax" => new FaxTarget(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown target"),
    };
}
