using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>One item's requests (several for a scan split into letters), dispatched together or not at all.</summary>
internal sealed record ItemDispatch(InboundItem Item, IReadOnlyList<DispatchRequest> Requests);
