namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>
/// The cluster's rate windows are aligned on the clock (<c>SharedRateWindows</c>): a test that counts requests begins
/// where its window has room for them, or they would fall in two windows.
/// </summary>
internal static class ClockWindows
{
    /// <summary>
    /// Waits for the next <paramref name="window"/> when less than <paramref name="room"/> is left of the current one;
    /// returns the start of the window the test then is in.
    /// </summary>
    public static async Task<DateTimeOffset> WithRoomAsync(TimeSpan window, TimeSpan room)
    {
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        if (start + window - now >= room)
        {
            return start;
        }

        await Task.Delay(start + window - now + TimeSpan.FromMilliseconds(20));
        return start + window;
    }
}
