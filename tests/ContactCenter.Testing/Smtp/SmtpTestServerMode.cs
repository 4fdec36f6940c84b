namespace ContactCenter.Testing.Smtp;

public enum SmtpTestServerMode
{
    /// <summary>Keeps the message and answers 250.</summary>
    Accept,

    /// <summary>Keeps the message, then fails the session instead of answering 250: the client sees a lost connection.</summary>
    AcceptThenDropConnection,

    /// <summary>Answers 451 (temporary failure) without keeping the message.</summary>
    TemporaryFailure,
}
