namespace ContactCenter.Core.Storage;

public enum QuarantineStatus
{
    Pending,
    Retried,
    Discarded,
}
