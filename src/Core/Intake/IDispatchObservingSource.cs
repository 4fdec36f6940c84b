using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Intake;

/// <summary>
/// A source that wants to know what the store made of its items, e.g. the online form, which shows the citizen the
/// ticket number only once the store has committed it. Called after the durable dispatch, before acknowledging.
/// </summary>
public interface IDispatchObservingSource
{
    void Dispatched(IReadOnlyList<DispatchOutcome> outcomes);
}
