using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Scheduling;

internal sealed class ChannelSetValidator(ChannelCatalog catalog) : IValidateOptions<ChannelSetOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelSetOptions options) =>
        catalog.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(catalog.Errors);
}
