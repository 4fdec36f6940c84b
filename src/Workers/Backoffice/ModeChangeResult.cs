using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

internal sealed record ModeChangeResult(ServiceMode Previous, ServiceMode Current);
