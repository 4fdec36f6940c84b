using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Channels;

internal static class ChannelsBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("channels", channels =>
    {
        channels.SetDescription("The configured channels.");
        channels.AddCommand<ChannelsCheckCommand>("check")
            .WithDescription("Log in to every mailbox, check every folder, load Tesseract, connect to SMTP; exit 1 if anything fails.");
    });
}
