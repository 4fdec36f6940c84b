using Microsoft.Extensions.Logging;

namespace ContactCenter.Ml;

internal static partial class RoutingModelLog
{
    [LoggerMessage(EventId = 1340, Level = LogLevel.Information,
        Message = "Routing model v{Version} loaded from {Path} ({Examples} examples, {Corrections} corrections)")]
    public static partial void Loaded(ILogger logger, int version, string path, int examples, int corrections);

    [LoggerMessage(EventId = 1341, Level = LogLevel.Warning,
        Message = "Routing model enabled but none found at {Path} (train one with: contactcenter classify train); the rules decide alone")]
    public static partial void Missing(ILogger logger, string path);

    [LoggerMessage(EventId = 1342, Level = LogLevel.Error,
        Message = "Routing model at {Path} could not be loaded; keeping the previous one (v{Version})")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string path, int version);

    [LoggerMessage(EventId = 1344, Level = LogLevel.Warning,
        Message = "Routing model v{Version} was trained against other routing rules ({TrainedRules} then, {Rules} now): the probabilities at which it overrules a rule were chosen for those; retrain it with this configuration (contactcenter classify train)")]
    public static partial void TrainedForOtherRules(ILogger logger, int version, int trainedRules, int rules);

    [LoggerMessage(EventId = 1343, Level = LogLevel.Debug,
        Message = "Model v{Version} on {SourceKey}: level {Level} p={Probability:0.00}, category {Category}; decided: {Decided}")]
    public static partial void Predicted(ILogger logger, int version, string sourceKey, string level, double probability, string category, bool decided);

    [LoggerMessage(EventId = 1345, Level = LogLevel.Information,
        Message = "Routing model v{Version} {Direction} the cluster's store (models folder {Path})")]
    public static partial void Synced(ILogger logger, int version, string direction, string path);

    [LoggerMessage(EventId = 1346, Level = LogLevel.Warning,
        Message = "The cluster's routing model could not be synchronised ({Error}); this node keeps the model it has and tries again")]
    public static partial void SyncFailed(ILogger logger, string error);
}
