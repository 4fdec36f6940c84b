namespace ContactCenter.Core.Routing.Conditions;

internal sealed class ChannelNameCondition(IReadOnlyList<string> names) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view) =>
        names.Contains(view.Draft.ChannelName, StringComparer.OrdinalIgnoreCase)
            ? ConditionResult.Pass($"channel name is \"{view.Draft.ChannelName}\"")
            : ConditionResult.Fail(() => $"channel name \"{view.Draft.ChannelName}\" is not one of {ListText.Of(names)}");
}
