using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>Pop3</c>.</summary>
internal sealed class Pop3ChannelFactory : IChannelFactory
{
    public string Type => "Pop3";

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        var options = ChannelSectionBinder.Bind<Pop3ChannelOptions>(section, Type, errors);
        if (options is not null)
        {
            MailConnectionValidation.Check(options, section.Path, errors);
            if (!Enum.IsDefined(options.AfterImport))
            {
                errors.Add($"{section.Path}:AfterImport: must be one of {string.Join(", ", Enum.GetNames<Pop3AfterImport>())}");
            }
        }

        return errors;
    }

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        var options = section.Get<Pop3ChannelOptions>()!;
        var directory = options.StateDirectory
            ?? Path.Combine(services.GetService<IOptions<StoreOptions>>()?.Value.DataDirectory ?? "data", "state");
        var statePath = Path.Combine(directory, $"pop3-{SafeFileName.From(section.Key, "channel")}.json");
        return new Pop3Source(
            section.Key, options, statePath, FactoryServices.Logger<Pop3Source>(services), FactoryServices.Time(services),
            FactoryServices.MaxMessageBytes(services), FactoryServices.OAuth2(services, section.Key, options));
    }
}
