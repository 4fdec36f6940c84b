namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// A marker so the channels' configuration is checked by the options machinery with every other section
/// (<c>ValidateOnStart</c>) and all errors reach the admin in one message.
/// </summary>
internal sealed class ChannelSetOptions
{
}
