namespace ContactCenter.Core.Routing;

/// <summary>One compiled condition of a rule.</summary>
internal interface IRuleCondition
{
    ConditionResult Evaluate(DraftView view);
}
