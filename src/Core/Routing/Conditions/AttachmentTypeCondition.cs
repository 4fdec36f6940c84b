using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing.Conditions;

/// <summary>An attachment of one of the types: a content type (wildcard subtype allowed) or a file extension.</summary>
internal sealed class AttachmentTypeCondition(IReadOnlyList<string> types) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        foreach (var attachment in view.Attachments)
        {
            var type = types.FirstOrDefault(t => Matches(t, attachment));
            if (type is not null)
            {
                return ConditionResult.Pass($"has attachment {type} (\"{attachment.FileName}\")");
            }
        }

        return ConditionResult.Fail(() => view.Attachments.Count == 0
            ? $"no attachment of type {ListText.Of(types)}"
            : $"no attachment of type {ListText.Of(types)} among {ListText.Of(view.Attachments.Select(a => a.ContentType))}");
    }

    private static bool Matches(string type, TicketAttachment attachment)
    {
        var t = type.Trim();
        if (t.Contains('/'))
        {
            return t.EndsWith("/*", StringComparison.Ordinal)
                ? attachment.ContentType.StartsWith(t[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(attachment.ContentType, t, StringComparison.OrdinalIgnoreCase);
        }

        var extension = t.StartsWith('.') ? t : "." + t;
        return attachment.FileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
    }
}
