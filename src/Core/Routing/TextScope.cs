namespace ContactCenter.Core.Routing;

/// <summary>Which part of a request a rule's words and patterns look at.</summary>
public enum TextScope
{
    Both,
    Subject,
    Body,
}
