using ContactCenter.Workers.Backoffice;

namespace ContactCenter.Workers.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>A backoffice act's exit code: a request lacking something is a usage error, any other refusal a failure.</summary>
    public static int Of(BackofficeOutcome outcome) => outcome switch
    {
        BackofficeOutcome.Done => Ok,
        BackofficeOutcome.Invalid => BadUsage,
        _ => Failure,
    };
}
