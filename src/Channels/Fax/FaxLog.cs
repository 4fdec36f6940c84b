using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

internal static partial class FaxLog
{
    [LoggerMessage(EventId = 1570, Level = LogLevel.Information,
        Message = "Fax mail {SourceKey}: {Documents} fax documents, {Pages} pages, sender {FaxNumber}")]
    public static partial void FaxMailRead(ILogger logger, string sourceKey, int documents, int pages, string faxNumber);
}
