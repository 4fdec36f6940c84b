using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class LabelledRequestTests
{
    [Fact]
    public void FromCorrections_TakesCorrectedTicketsWithTheSendersText_Only()
    {
        Ticket[] tickets =
        [
            Ticket("PC-2026-000001", corrected: true),
            Ticket("PC-2026-000002", corrected: false),
            Ticket("PC-2026-000003", corrected: true, textUnavailable: "Messaggio vocale da ascoltare: nessuna trascrizione"),
        ];

        var requests = LabelledRequest.FromCorrections(tickets);

        requests.Should().ContainSingle().Which.Should().Match<LabelledRequest>(r =>
            r.Id == "PC-2026-000001" && r.ExpectedLevel == ServiceLevel.Second && r.ExpectedCategory == "rischio sismico");
    }

    private static Ticket Ticket(string number, bool corrected, string? textUnavailable = null) => new()
    {
        Number = number,
        Subject = "Lesioni al solaio",
        TextBody = "Dopo la scossa il solaio della scuola presenta lesioni.",
        TextUnavailable = textUnavailable,
        Classification = new Classification { Level = ServiceLevel.Second, Category = "rischio sismico", RuleName = "operator", IsCorrection = corrected },
    };
}
