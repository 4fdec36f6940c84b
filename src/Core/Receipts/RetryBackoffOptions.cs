namespace ContactCenter.Core.Receipts;

/// <summary><c>ContactCenter:Receipts:RetryBackoff</c>: the wait doubles after each failure, up to <see cref="Max"/>.</summary>
public sealed class RetryBackoffOptions
{
    public TimeSpan Initial { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Max { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wait after the given number of failed attempts (1 = first failure).</summary>
    public TimeSpan After(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Initial.Ticks * Math.Pow(2, exponent);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
