using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class SampleVolunteerRulesTests
{
    private static Classification Classify(string subject, string body) =>
        Drafts.Classifier(SampleRules.Options()).Classify(Drafts.Email(subject, body, "giulia.ferraro@example.it"));

    // The text of samples/mail/01-volontariato.eml: a citizen asking how to join, who mentions the regional list once.
    [Fact]
    public void SampleRules_HowToBecomeAVolunteer_GoesToTheFirstLevel()
    {
        var result = Classify("Come diventare volontaria di protezione civile",
            "Buongiorno,\n\nvorrei sapere come posso diventare volontaria di protezione civile nel mio\n" +
            "comune (Sulmona, AQ). È necessario iscriversi a un'associazione già\n" +
            "esistente oppure esiste un elenco regionale? Ci sono corsi di formazione\n" +
            "obbligatori e quanto durano?\n\nGrazie per l'attenzione e buon lavoro.\n\nGiulia Ferraro\nTel. 0864 123456");

        result.Level.Should().Be(ServiceLevel.First);
        result.Category.Should().Be("volontariato");
    }

    [Fact]
    public void SampleRules_OrganisationApplyingForTheList_GoesToTheSecondLevel()
    {
        var result = Classify("Domanda di iscrizione all'elenco regionale",
            "Il sottoscritto, legale rappresentante dell'associazione ODV Soccorso Aterno, chiede l'iscrizione " +
            "dell'organizzazione nell'elenco regionale del volontariato di protezione civile. Si allegano statuto " +
            "e atto costitutivo.");

        result.Level.Should().Be(ServiceLevel.Second);
        result.Category.Should().Be("volontariato");
    }
}
