using ContactCenter.Core.Sla;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Sla;

public sealed class SlaOptionsValidatorTests
{
    private static IEnumerable<string> Errors(Action<SlaOptions> configure)
    {
        var options = new SlaOptions();
        configure(options);
        return new SlaOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void Defaults_AreValid() => Errors(_ => { }).Should().BeEmpty();

    [Fact]
    public void UnknownTimeZone_NamesTheKey() =>
        Errors(o => o.TimeZone = "Europe/Atlantide").Should()
            .Equal("ContactCenter:Sla:TimeZone: unknown time zone \"Europe/Atlantide\"");

    [Fact]
    public void CloseBeforeOpen_AndNoDays_NameTheirKeys() =>
        Errors(o =>
        {
            o.ServiceHours.Open = new TimeOnly(18, 0);
            o.ServiceHours.Close = new TimeOnly(9, 0);
            o.ServiceHours.Days = OpenDays.None;
        }).Should().BeEquivalentTo(
            "ContactCenter:Sla:ServiceHours:Days: name at least one day, e.g. \"Monday, Tuesday\" (got None)",
            "ContactCenter:Sla:ServiceHours:Close: 09:00 must be after Open (18:00)");

    [Fact]
    public void BadHoliday_NamesItsIndex() =>
        Errors(o => o.AdditionalHolidays.AddRange(["06-24", "31/12"])).Should()
            .Equal("ContactCenter:Sla:AdditionalHolidays:1: \"31/12\" is not MM-dd or yyyy-MM-dd");

    [Fact]
    public void BadAndDuplicatePolicies_NameTheirKeys() =>
        Errors(o =>
        {
            o.Policies.Add(new SlaPolicy { Level = ServiceLevel.Second, Days = 40 });
            o.Policies.Add(new SlaPolicy { Level = ServiceLevel.First, Channel = ChannelKind.Phone, Days = 0 });
            o.EmergencyPolicies.Add(new SlaPolicy { Level = ServiceLevel.First, Channel = ChannelKind.Fax, Days = -1 });
            o.EmergencyPolicies.Add(new SlaPolicy { Level = ServiceLevel.First, Channel = ChannelKind.Fax, Days = 2 });
        }).Should().BeEquivalentTo(
            "ContactCenter:Sla:EmergencyPolicies:0:Days: must be between 0 (the same day) and 3650, not -1",
            "ContactCenter:Sla:EmergencyPolicies:1: a second policy for level First and channel Fax (also ContactCenter:Sla:EmergencyPolicies:0)");
}
