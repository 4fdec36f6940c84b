using System.Globalization;

namespace ContactCenter.Channels.Paper;

internal static class DatedFolder
{
    /// <summary><c>{root}/yyyy/MM</c> for the local date now, where imported files are kept by month.</summary>
    public static string Under(string root, TimeProvider time)
    {
        var now = time.GetLocalNow();
        return Path.Combine(root, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture));
    }
}
