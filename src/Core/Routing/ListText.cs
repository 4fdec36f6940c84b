namespace ContactCenter.Core.Routing;

/// <summary>Formats a rule's list for an explanation: ["a", "b"].</summary>
internal static class ListText
{
    public static string Of(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"\"{i}\"")) + "]";
}
