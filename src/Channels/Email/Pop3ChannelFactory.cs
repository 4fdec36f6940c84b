using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>Pop3</c>; <c>Voicemail</c> reuses its checks and source under its own type.</summary>
internal sealed class Pop3ChannelFactory : IChannelFactory
{
    public string Type => "Pop3";

    public IReadOnlyList<string> Validate(IConfigurationSection section) => ValidateSection<Pop3ChannelOptions>(section, Type);

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) =>
        CreateSource<Pop3ChannelOptions>(section, services, Type, options => options.Pec ? ChannelKind.Pec : ChannelKind.Email);

    /// <summary>The checks of a section holding POP3 settings, bound as <typeparamref name="T"/> for <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> ValidateSection<T>(IConfigurationSection section, string type)
        where T : Pop3ChannelOptions, new()
    {
        var errors = new List<string>();
        var options = ChannelSectionBinder.Bind<T>(section, type, errors);
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

    /// <summary>The POP3 source of a valid section; <paramref name="channel"/> says what its items are.</summary>
    public static Pop3Source CreateSource<T>(
        IConfigurationSection section, IServiceProvider services, string type, Func<T, ChannelKind> channel)
        where T : Pop3ChannelOptions, new()
    {
        FactoryServices.ThrowIfInvalid(ValidateSection<T>(section, type));
        var options = section.Get<T>()!;
        var directory = options.StateDirectory
            ?? Path.Combine(services.GetService<IOptions<StoreOptions>>()?.Value.DataDirectory ?? "data", "state");
        var statePath = Path.Combine(directory, $"pop3-{SafeFileName.From(section.Key, "channel")}.json");
        return new Pop3Source(
            section.Key, options, statePath, FactoryServices.Logger<Pop3Source>(services), FactoryServices.Time(services),
            FactoryServices.MaxMessageBytes(services), channel(options), FactoryServices.OAuth2(services, section.Key, options));
    }
}
