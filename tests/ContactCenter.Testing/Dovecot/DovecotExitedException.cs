namespace ContactCenter.Testing.Dovecot;

/// <summary>Dovecot exited while starting (typically a port taken between probing and binding).</summary>
public sealed class DovecotExitedException(string message) : InvalidOperationException(message);
