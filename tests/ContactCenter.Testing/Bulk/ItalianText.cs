using System.Text;

namespace ContactCenter.Testing.Bulk;

/// <summary>
/// Short Italian citizen requests assembled from realistic pieces (greeting, topic, detail, closing), so that a
/// generated mailbox exercises the routing rules' word matching like real mail does, reproducibly from a seed.
/// </summary>
public static class ItalianText
{
    private static readonly string[] Greetings =
    [
        "Buongiorno,", "Gentili signori,", "Spettabile Protezione Civile,", "Salve,", "Buonasera,", "Egregi signori,",
    ];

    private static readonly string[] Topics =
    [
        "vorrei informazioni sul piano comunale di protezione civile del mio comune.",
        "scrivo per sapere a che punto è la mia domanda di contributo per i danni dell'alluvione di ottobre.",
        "segnalo che la strada provinciale è invasa da una piccola frana all'altezza del chilometro 7.",
        "chiedo come iscrivermi come volontario a un'associazione di protezione civile.",
        "la nostra associazione comunica la disponibilità di dodici volontari per l'esercitazione di giugno.",
        "vorrei sapere quali sono le aree di attesa in caso di terremoto nel mio quartiere.",
        "ho ricevuto l'allerta meteo arancione e vorrei capire se le scuole resteranno chiuse.",
        "segnalo un albero pericolante in via Garibaldi dopo il temporale di ieri sera.",
        "chiedo copia degli atti relativi alla mia pratica di rimborso per il sisma.",
        "vorrei sapere come ottenere il contributo di autonoma sistemazione dopo lo sgombero.",
        "è stato pubblicato il bando per i contributi alle famiglie colpite dall'incendio?",
        "desidero un'informazione sulla campagna \"Io non rischio\" nella mia città.",
    ];

    private static readonly string[] Details =
    [
        "La pratica è stata presentata il 5 novembre presso il Comune, ma non ho più ricevuto alcuna comunicazione.",
        "Il piano terra è ancora inagibile e la caldaia non funziona.",
        "Non ci sono feriti, però il passaggio è pericoloso, soprattutto di sera.",
        "Allego, se serve, la documentazione già inviata via posta.",
        "Abito in via Roma 12, 00184 Roma; il mio numero è 333 123 4567.",
        "Ho già telefonato al numero verde ma la linea era sempre occupata.",
        "Mia madre è anziana e vive da sola, per questo chiedo una risposta rapida.",
        "Resto a disposizione per un sopralluogo, preferibilmente di mattina.",
        "",
    ];

    private static readonly string[] Closings =
    [
        "Cordiali saluti,", "Distinti saluti,", "Grazie per l'attenzione,", "In attesa di un cortese riscontro, saluto.",
    ];

    private static readonly string[] Subjects =
    [
        "Richiesta informazioni", "Domanda di contributo danni alluvione", "Segnalazione frana", "Volontariato",
        "Aree di attesa terremoto", "Allerta meteo e scuole", "Albero pericolante", "Accesso agli atti",
        "Contributo di autonoma sistemazione", "Sollecito pratica", "Informazioni campagna Io non rischio",
    ];

    private static readonly string[] Names =
    [
        "Mario Rossi", "Giulia Bianchi", "Luca Verdi", "Anna Esposito", "Francesca Romano", "Giuseppe Colombo",
        "Chiara Ricci", "Marco Bruno", "Sara Gallo", "Paolo Conti", "Elena De Luca", "Davide Costa",
    ];

    public static string Name(Random random) => Names[random.Next(Names.Length)];

    public static string Subject(Random random, int number) => $"{Subjects[random.Next(Subjects.Length)]} (n. {number})";

    /// <summary>A request of a few hundred characters, signed with <paramref name="name"/>.</summary>
    public static string Request(Random random, string name)
    {
        var text = new StringBuilder();
        text.AppendLine(Greetings[random.Next(Greetings.Length)]);
        text.AppendLine(Topics[random.Next(Topics.Length)]);
        var detail = Details[random.Next(Details.Length)];
        if (detail.Length > 0)
        {
            text.AppendLine(detail);
        }

        text.AppendLine();
        text.AppendLine(Closings[random.Next(Closings.Length)]);
        text.AppendLine(name);
        return text.ToString();
    }
}
