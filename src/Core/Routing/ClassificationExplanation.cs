using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>The classification of a request and, for every rule in order, why it did or did not match.</summary>
public sealed record ClassificationExplanation(Classification Result, IReadOnlyList<RuleExplanation> Rules);
