using ContactCenter.Core.Storage;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>A channel's job and trigger identities and its trigger for a service mode.</summary>
internal static class ChannelTriggers
{
    public static JobKey JobKey(string channel) => new($"channel-{channel}", "channels");

    public static TriggerKey TriggerKey(string channel) => new($"channel-{channel}", "channels");

    /// <summary>Emergency mode polls every EmergencyInterval around the clock; ordinary mode follows Cron or Interval.</summary>
    public static ITrigger Build(ChannelDefinition channel, ServiceMode mode, TimeProvider time)
    {
        var builder = TriggerBuilder.Create(time)
            .WithIdentity(TriggerKey(channel.Name))
            .ForJob(JobKey(channel.Name))
            .WithDescription(Describe(channel, mode))
            .StartNow();
        if (mode == ServiceMode.Emergency)
        {
            builder.WithSimpleSchedule(s => s.WithInterval(channel.Options.EmergencyInterval).RepeatForever());
        }
        else if (!string.IsNullOrWhiteSpace(channel.Options.Cron))
        {
            builder.WithCronSchedule(channel.Options.Cron, _ => { });
        }
        else
        {
            builder.WithSimpleSchedule(s => s.WithInterval(channel.Options.Interval).RepeatForever());
        }

        return builder.Build();
    }

    public static string Describe(ChannelDefinition channel, ServiceMode mode) => mode == ServiceMode.Emergency
        ? $"emergency: every {channel.Options.EmergencyInterval}"
        : string.IsNullOrWhiteSpace(channel.Options.Cron) ? $"every {channel.Options.Interval}" : $"cron '{channel.Options.Cron}'";
}
