using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary><c>contactcenter classify explain --text "..."</c>: which rule fires, and why each rule did or did not.</summary>
internal sealed class ClassifyExplainCommand(CliContext context) : AsyncCommand<ClassifyExplainSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, ClassifyExplainSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var request = new LabelledRequest
            {
                Id = "explain",
                Subject = settings.Subject,
                Body = settings.Text,
                Sender = settings.Sender,
                Channel = Enum.Parse<ChannelKind>(settings.Channel, ignoreCase: true),
            };
            var explanation = session.Get<RuleBasedClassifier>().Explain(request.ToDraft());
            // What the ticket would get: the rules joined with the configured model, if any.
            var result = session.Get<ITicketClassifier>().Classify(request.ToDraft());
            if (settings.Json)
            {
                CliJson.Write(context.Output, new { result, explanation.Rules, rulesResult = explanation.Result });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine(
                $"Level [bold]{(int)result.Level}[/], category [bold]{Markup.Escape(result.Category)}[/], office {Markup.Escape(result.Office ?? "-")}, " +
                $"priority {result.Priority} (by [bold]{Markup.Escape(result.RuleName)}[/])");
            var table = new Table().AddColumns("#", "Rule", "Matched", "Why", "Decided");
            foreach (var rule in explanation.Rules)
            {
                table.AddRow(
                    rule.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(rule.Name),
                    rule.Matched ? "[green]yes[/]" : "no",
                    Markup.Escape(string.Join("; ", rule.Matched ? rule.Reasons : rule.Failures)),
                    Markup.Escape(string.Join("; ", rule.Decided)));
            }

            context.Console.Write(table);
            if (result.Model is { } model)
            {
                context.Console.MarkupLine(Markup.Escape(ModelText.Describe(model)));
            }

            return ExitCodes.Ok;
        });
}
