namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// What the channels' start-up validation does besides reading their configuration. Loading the OCR engine for a
/// paper channel takes about half a second and 75 MB: the service and the verbs that normalise items need it, the
/// others (<c>tickets list</c>, <c>status</c>, <c>stats</c>...) must work, and quickly, even when Tesseract is broken.
/// </summary>
/// <param name="LoadOcr">Load the OCR engine when a paper channel is enabled, so a missing library or language stops
/// the command with what to install; without this registration it is loaded.</param>
internal sealed record ChannelStartupChecks(bool LoadOcr);
