using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// The <c>Screening</c> section of every configured channel, by channel name, read once from configuration (the
/// channel factories check its keys with the rest of the channel).
/// </summary>
public sealed class MailScreeningCatalog
{
    private readonly Dictionary<string, MailScreeningOptions> byChannel = new(StringComparer.OrdinalIgnoreCase);

    public MailScreeningCatalog(IConfiguration configuration)
    {
        foreach (var channel in configuration.GetSection("ContactCenter:Channels").GetChildren())
        {
            var section = channel.GetSection("Screening");
            if (section.Exists() && section.Get<MailScreeningOptions>() is { IsActive: true } options)
            {
                byChannel[channel.Key] = options;
            }
        }
    }

    public MailScreeningOptions? For(string channelName) => byChannel.GetValueOrDefault(channelName);
}
