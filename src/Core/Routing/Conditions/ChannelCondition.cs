using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing.Conditions;

internal sealed class ChannelCondition(IReadOnlyList<ChannelKind> channels) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view) =>
        channels.Contains(view.Draft.Channel)
            ? ConditionResult.Pass($"channel is {view.Draft.Channel}")
            : ConditionResult.Fail(() => $"channel {view.Draft.Channel} is not one of [{string.Join(", ", channels)}]");
}
