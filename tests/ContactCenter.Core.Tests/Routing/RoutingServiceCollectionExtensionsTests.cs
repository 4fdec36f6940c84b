using ContactCenter.Core.Routing;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RoutingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddRouting(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddRouting_WithSampleRules_ResolvesClassifierAndPlanner()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(SampleRules.RulesPath)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ContactCenter:Sla:ServiceHours:Days"] = "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday",
                ["ContactCenter:Sla:ServiceHours:Close"] = "13:00",
                ["ContactCenter:Sla:Policies:0:Level"] = "Second",
                ["ContactCenter:Sla:Policies:0:Days"] = "30",
                ["ContactCenter:Sla:Policies:0:DayKind"] = "WorkingDays",
            })
            .Build();
        using var provider = Build(configuration);

        var classification = provider.GetRequiredService<ITicketClassifier>()
            .Classify(Drafts.Email("Istanza di accesso agli atti", "chiedo di estrarre copia del verbale"));
        var sla = provider.GetRequiredService<IOptions<SlaOptions>>().Value;

        classification.Category.Should().Be("accesso agli atti");
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        provider.GetRequiredService<IDueDatePlanner>().Should().BeOfType<DueDatePlanner>();
        provider.GetRequiredService<SlaClock>().Should().NotBeNull();
        sla.ServiceHours.Days.Should().HaveFlag(OpenDays.Saturday).And.HaveFlag(OpenDays.Monday);
        sla.ServiceHours.Close.Should().Be(new TimeOnly(13, 0));
        sla.Policies.Should().ContainSingle().Which.DayKind.Should().Be(DayKind.WorkingDays);
        provider.GetRequiredService<DueDatePlanner>()
            .PolicyFor(ServiceLevel.Second, ChannelKind.Email, ServiceMode.Ordinary).Days.Should().Be(30);
    }

    [Fact]
    public void AddRouting_WithInvalidConfiguration_FailsNamingTheKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ContactCenter:Routing:Rules:0:Name"] = "rotta",
                ["ContactCenter:Routing:Rules:0:Patterns:0"] = "([",
                ["ContactCenter:Routing:Rules:0:Level"] = "Second",
                ["ContactCenter:Sla:TimeZone"] = "Europe/Atlantide",
            })
            .Build();
        using var provider = Build(configuration);

        var routing = () => provider.GetRequiredService<IOptions<RoutingOptions>>().Value;
        var sla = () => provider.GetRequiredService<IOptions<SlaOptions>>().Value;

        routing.Should().Throw<OptionsValidationException>()
            .WithMessage("*ContactCenter:Routing:Rules:0:Patterns:0: invalid regular expression*");
        sla.Should().Throw<OptionsValidationException>().WithMessage("*ContactCenter:Sla:TimeZone: unknown time zone*");
    }
}
