using ContactCenter.Core.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Sla;

/// <summary>The SLA parts wired as the service wires them, on Europe/Rome unless configured otherwise.</summary>
internal sealed class SlaSetup
{
    public SlaSetup(Action<SlaOptions>? configure = null)
    {
        Options = new SlaOptions();
        configure?.Invoke(Options);
        Calendar = new BusinessCalendar(Options);
        Planner = new DueDatePlanner(Calendar, Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<DueDatePlanner>.Instance);
        Clock = new SlaClock(Calendar, Planner, NullLogger<SlaClock>.Instance);
    }

    public SlaOptions Options { get; }
    public BusinessCalendar Calendar { get; }
    public DueDatePlanner Planner { get; }
    public SlaClock Clock { get; }

    /// <summary>A local time in Rome with its offset spelled out, so every test shows the DST side it is on.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));
}
