namespace ContactCenter.Core.Routing.Conditions;

internal sealed class SenderCondition(IReadOnlyList<SenderGlob> globs) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        if (view.Addresses.Count == 0)
        {
            return ConditionResult.Fail("no sender address");
        }

        foreach (var address in view.Addresses)
        {
            var glob = globs.FirstOrDefault(g => g.Matches(address));
            if (glob is not null)
            {
                return ConditionResult.Pass($"sender matches \"{glob.Pattern}\"");
            }
        }

        return ConditionResult.Fail(
            () => $"sender {ListText.Of(view.Addresses)} matches none of {ListText.Of(globs.Select(g => g.Pattern))}");
    }
}
