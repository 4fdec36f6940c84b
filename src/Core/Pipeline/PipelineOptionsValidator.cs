using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Pipeline;

/// <summary>Checks <see cref="PipelineOptions"/> with messages that name the configuration key.</summary>
internal sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var errors = new List<string>();
        const string Prefix = PipelineOptions.SectionName;
        if (options.MaxParallelNormalizers is < 1 or > 256)
        {
            errors.Add($"{Prefix}:MaxParallelNormalizers: must be between 1 and 256 (was {options.MaxParallelNormalizers}).");
        }

        if (options.FailureBackoff <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:FailureBackoff: must be positive (was {options.FailureBackoff}).");
        }

        if (options.MaxFailureBackoff < options.FailureBackoff)
        {
            errors.Add($"{Prefix}:MaxFailureBackoff: must not be shorter than FailureBackoff ({options.FailureBackoff}).");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            // A negative value would throw inside the host's stop, after the batch in flight was abandoned, not drained.
            errors.Add($"{Prefix}:ShutdownTimeout: must be positive (was {options.ShutdownTimeout}).");
        }

        if (options.ModeCheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:ModeCheckInterval: must be positive (was {options.ModeCheckInterval}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
