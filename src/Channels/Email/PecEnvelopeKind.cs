namespace ContactCenter.Channels.Email;

/// <summary>What a PEC provider delivered (DPR 68/2005 and its technical rules, header <c>X-Trasporto</c> or <c>X-Ricevuta</c>).</summary>
internal enum PecEnvelopeKind
{
    /// <summary><c>X-Trasporto: posta-certificata</c>: a certified message, the sender's original inside as postacert.eml.</summary>
    Certified,

    /// <summary><c>X-Trasporto: errore</c> ("anomalia"): ordinary or unverifiable mail wrapped by our provider.</summary>
    Anomaly,

    /// <summary><c>X-Ricevuta</c>: a receipt about a PEC message we sent (accettazione, avvenuta-consegna, ...).</summary>
    Receipt,
}
