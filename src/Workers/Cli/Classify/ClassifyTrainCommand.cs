using System.Globalization;
using ContactCenter.Ml;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary>
/// <c>contactcenter classify train --file LABELLED.json</c>: trains the routing model on the labelled set and the
/// operators' corrections (read through the running service when there is one, else from the store), and writes it
/// as the next version in the models folder, where the running service picks it up. The probabilities for overruling
/// a rule are chosen against the rules of the same configuration, so training without them (a forgotten
/// <c>--config</c>) is said: the model would be tuned for a service with no rules.
/// </summary>
internal sealed class ClassifyTrainCommand(CliContext context) : AsyncCommand<ClassifyTrainSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, ClassifyTrainSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var options = session.Get<IOptions<RoutingModelOptions>>().Value;
            var labelled = (await LabelledSet.LoadFileAsync(settings.File, cancellationToken).ConfigureAwait(false)).Requests;
            var corrections = settings.NoCorrections ? [] : await OperatorCorrections.ReadAsync(session, cancellationToken).ConfigureAwait(false);
            var sources = new List<string> { Path.GetFileName(settings.File) };
            if (!settings.NoCorrections)
            {
                sources.Add($"{corrections.Count} corrected tickets");
            }

            var model = session.Get<RoutingModelTrainer>().Train(labelled, corrections,
                new TrainingRequest(options.Folds, options.CorrectionWeight, sources));
            var target = settings.Output ?? DefaultTarget(options, session.Get<IOptions<StoreOptions>>().Value);
            // Into the service's own folder (never a single file) on a cluster: the cluster's next version, for every node.
            var shared = settings.Output is null ? session.Services.GetService<ISharedKeyStore>() : null;
            var file = await RoutingModelWriter.WriteAsync(model, target, shared, cancellationToken).ConfigureAwait(false);
            var m = model.Manifest;
            if (m.RuleCount == 0)
            {
                await context.Error.WriteLineAsync(NoRulesWarning).ConfigureAwait(false);
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, new { file, manifest = m });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"Model v{m.Version} written to [bold]{Markup.Escape(file)}[/]: {m.Examples} labelled requests, {m.Corrections} corrections");
            if (shared is not null)
            {
                context.Console.MarkupLine("It is the cluster's model now: every node loads it within its check interval (ContactCenter:Routing:Model:CheckInterval).");
            }

            context.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Level: {m.LevelSettings}, cross-validated accuracy {m.LevelCrossValidationAccuracy:P1}; category: {m.CategorySettings}, {m.CategoryCrossValidationAccuracy:P1}"));
            context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Against {m.RuleCount} routing rule(s): {DecisionSetting.Of(model, new RoutingModelOptions())}; with the rules, cross-validated accuracy "
                + $"{m.LevelCombinedCrossValidationAccuracy:P1}, second-level recall {m.LevelCombinedCrossValidationSecondLevelRecall:P1}")));
            return ExitCodes.Ok;
        });

    private const string NoRulesWarning =
        "No routing rule is configured (ContactCenter:Routing:Rules): the probabilities for overruling a rule were chosen "
        + "with no rule to overrule. Train with the --config files the service runs with (the demo: --config samples/routing.rules.json).";

    /// <summary>The models folder the service reads; when the service reads one fixed file, the data folder's models.</summary>
    private static string DefaultTarget(RoutingModelOptions options, StoreOptions store)
    {
        var location = options.ResolvePath(store.DataDirectory);
        return options.IsSingleFile(location) ? Path.Combine(store.DataDirectory, "models") : location;
    }
}
