using ContactCenter.Core.Intake;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Routing;

/// <summary>Builds drafts and classifiers for the routing tests.</summary>
internal static class Drafts
{
    public static TicketDraft Email(string subject, string body = "", string? sender = "cittadino@example.org",
        ChannelKind channel = ChannelKind.Email, string channelName = "email") => new()
    {
        SourceKey = "test:" + Guid.NewGuid().ToString("N"),
        ChannelName = channelName,
        Channel = channel,
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)),
        Sender = new Party { Email = sender },
        Subject = subject,
        TextBody = body,
    };

    public static RuleBasedClassifier Classifier(params RoutingRule[] rules) =>
        Classifier(new RoutingOptions { Rules = [.. rules] });

    public static RuleBasedClassifier Classifier(RoutingOptions options) =>
        new(Options.Create(options), NullLogger<RuleBasedClassifier>.Instance);

    public static RoutingRule Rule(string name, ServiceLevel level = ServiceLevel.Second, string category = "test") =>
        new() { Name = name, Level = level, Category = category };
}
