namespace ContactCenter.Core.Statistics;

/// <summary>Requests of one group (a channel, a level, a category or a month): received, still open, answered.</summary>
public sealed record CountRow(string Key, int Received, int Open, int Closed, int ClosedOnTime, int Overdue);
