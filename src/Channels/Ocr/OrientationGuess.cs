namespace ContactCenter.Channels.Ocr;

/// <summary>Tesseract's orientation detection: clockwise degrees to turn the page upright, and its confidence.</summary>
internal sealed record OrientationGuess(int RotateClockwiseDegrees, double Confidence);
