namespace ContactCenter.Channels.Email.Screening;

/// <summary>The spam engine could not give an answer (down, timeout, an error or an unreadable reply).</summary>
public sealed class SpamEngineException(string message, Exception? inner = null) : Exception(message, inner);
