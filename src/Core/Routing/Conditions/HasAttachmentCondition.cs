namespace ContactCenter.Core.Routing.Conditions;

internal sealed class HasAttachmentCondition(bool required) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        var has = view.Attachments.Count > 0;
        if (has == required)
        {
            return ConditionResult.Pass(has ? $"has attachment \"{view.Attachments[0].FileName}\"" : "has no attachment");
        }

        return ConditionResult.Fail(has ? "has an attachment" : "has no attachment");
    }
}
