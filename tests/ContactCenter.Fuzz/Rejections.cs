using ContactCenter.Core.Intake;

namespace ContactCenter.Fuzz;

/// <summary>Which rejections strict mode (FUZZ_STRICT=1) still counts as crashes.</summary>
internal static class Rejections
{
    /// <summary>
    /// The normaliser turns any library exception into a rejection so the worker goes on (PDFs are read by poppler in
    /// its own process, whose failures carry no exception of ours). A format
    /// error is what hostile input should cause; anything else (a null reference, an index out of range) is a bug
    /// in our code or a library that quarantines a message it could have read.
    /// </summary>
    public static bool HideBug(InboundItemRejectedException ex) =>
        ex.InnerException is not null
        and not FormatException
        and not InboundItemRejectedException;
}
