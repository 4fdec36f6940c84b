using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// The service's model, reloaded without a restart: at most once per <see cref="RoutingModelOptions.CheckInterval"/>
/// (by the <see cref="TimeProvider"/>) a classification looks whether the pointer (or the single model file) changed,
/// and loads the new model. A file that fails to load is logged and the previous model stays.
/// </summary>
internal sealed class RoutingModelProvider : IRoutingModelSource
{
    // What a new model predicts before it is swapped in.
    private static readonly Core.Intake.TicketDraft Probe = new()
    {
        SourceKey = "model-check",
        ChannelName = "model-check",
        Channel = Core.Tickets.ChannelKind.Email,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Subject = "Richiesta di informazioni",
        TextBody = "Buongiorno, vorrei sapere a chi rivolgermi. Grazie",
    };

    private readonly object _gate = new();
    private readonly RoutingModelOptions _options;
    private readonly IReadOnlyList<RoutingRule> _rules;
    private readonly TimeProvider _time;
    private readonly ILogger<RoutingModelProvider> _logger;
    // Made with the first model file found: a service without a model never loads Microsoft.ML (two assemblies and
    // their JIT on every start, `ingest --once` included).
    private MLContext? _ml;
    private RoutingModel? _current;
    private string? _stamp;
    // The last file that failed to load: not tried again at every check, only once it changes (a new training, a copy).
    private string? _failedStamp;
    private DateTimeOffset? _checkedAt;
    private bool _missingLogged;

    public RoutingModelProvider(IOptions<RoutingModelOptions> options, IOptions<RoutingOptions> routing, IOptions<StoreOptions> store,
        TimeProvider time, ILogger<RoutingModelProvider> logger)
    {
        _options = options.Value;
        _rules = routing.Value.Rules;
        _time = time;
        _logger = logger;
        Location = _options.ResolvePath(store.Value.DataDirectory);
    }

    /// <summary>The models folder, or the single model file.</summary>
    public string Location { get; }

    /// <summary>Whether a model file was ever found, and Microsoft.ML loaded for it.</summary>
    internal bool MlLoaded => _ml is not null;

    public RoutingModel? ModelFor(Core.Intake.TicketDraft draft) => Current;

    public RoutingModel? Current
    {
        get
        {
            if (!_options.Enabled)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            lock (_gate)
            {
                if (_checkedAt is null || now - _checkedAt.Value >= _options.CheckInterval)
                {
                    _checkedAt = now;
                    Refresh();
                }

                return _current;
            }
        }
    }

    private void Refresh()
    {
        string? file = null;
        try
        {
            file = _options.IsSingleFile(Location) ? Location : new RoutingModelFolder(Location).CurrentFile();
            if (file is null || !File.Exists(file))
            {
                if (!_missingLogged)
                {
                    RoutingModelLog.Missing(_logger, file ?? Location);
                    _missingLogged = true;
                }

                return;
            }

            var info = new FileInfo(file);
            var stamp = $"{info.FullName}|{info.LastWriteTimeUtc.Ticks}|{info.Length}";
            if (stamp == _stamp || stamp == _failedStamp)
            {
                return;
            }

            // Opened outside the load's try: a file that cannot be opened now (a chmod still to come, a scanner holding it)
            // is not a bad model; that failure goes to the outer catch and is tried again at the next check.
            using var content = File.OpenRead(file);
            try
            {
                var model = RoutingModelFile.Load(_ml ??= new MLContext(RoutingPipeline.Seed), content, file);
                // A damaged part can load and fail only when used: one prediction here, not on a citizen's request.
                model.Predict(Probe, 0);
                (_current, _stamp, _failedStamp) = (model, stamp, null);
                RoutingModelLog.Loaded(_logger, model.Version, file, model.Manifest.Examples, model.Manifest.Corrections);
                WarnIfTrainedForOtherRules(model);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // ML.NET builds a model's parts by reflection, so damaged bytes surface as any type
                // (TargetInvocationException around a FormatException, EndOfStreamException...): every failure is a bad file.
                // A new model arrives by a rename, so a file that failed is tried again only once it changes.
                _failedStamp = stamp;
                RoutingModelLog.LoadFailed(_logger, ex, file, _current?.Version ?? 0);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The pointer or the file's details could not be read (being replaced, no permission, a broken pointer):
            // tried again at the next check; a classification never fails for it.
            RoutingModelLog.LoadFailed(_logger, ex, file ?? Location, _current?.Version ?? 0);
        }
    }

    /// <summary>
    /// The override probabilities were chosen against the rules the model was trained with: after the rules change
    /// they may overrule too much or too little, and nothing else would say so. A model that recorded no rules is not judged.
    /// </summary>
    private void WarnIfTrainedForOtherRules(RoutingModel model)
    {
        var trained = model.Manifest.RulesFingerprint;
        if (trained.Length > 0 && trained != RoutingRulesFingerprint.Of(_rules))
        {
            RoutingModelLog.TrainedForOtherRules(_logger, model.Version, model.Manifest.RuleCount, _rules.Count);
        }
    }
}
