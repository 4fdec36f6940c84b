namespace ContactCenter.WebForm.Pages;

/// <summary>The full privacy notice (GDPR art. 13), linked from the form next to the consent box.</summary>
internal static class PrivacyPage
{
    public static string Render(string pathBase, string siteName, WebFormOptions o)
    {
        var body = $"""
            <h1>Informativa sul trattamento dei dati personali</h1>
            <p>Ai sensi dell'articolo 13 del Regolamento (UE) 2016/679 (GDPR).</p>
            <h2>Titolare del trattamento</h2>
            <p>{Html.Encode(o.DataController)}. Responsabile della protezione dei dati: {Html.Encode(o.DataProtectionContact)}.</p>
            <h2>Finalità e base giuridica</h2>
            <p>I dati inseriti nel modulo (nome, cognome, indirizzo e-mail, telefono e codice fiscale se indicati, testo e allegati) sono trattati per registrare la richiesta, rispondere e inviare la ricevuta, nell'esecuzione di compiti di interesse pubblico (art. 6, par. 1, lett. e del GDPR). Sono usati anche, in forma aggregata e anonima, per le statistiche pubbliche del servizio.</p>
            <h2>Destinatari</h2>
            <p>Il personale del Contact Center e, se la richiesta lo richiede, gli uffici o le altre amministrazioni competenti. I dati non sono trasferiti fuori dall'Unione europea e non sono usati per profilazione.</p>
            <h2>Conservazione</h2>
            <p>{Html.Encode(o.RetentionPeriod)}.</p>
            <h2>Diritti</h2>
            <p>Può chiedere l'accesso ai dati, la rettifica, la cancellazione nei casi previsti, la limitazione o opporsi al trattamento scrivendo a {Html.Encode(o.DataProtectionContact)}. Può proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).</p>
            <h2>Natura del conferimento</h2>
            <p>Nome, cognome, indirizzo e-mail, oggetto e testo sono necessari per registrare la richiesta e inviarle la ricevuta; gli altri dati sono facoltativi.</p>
            <p>Questa pagina non usa cookie di profilazione né servizi di terze parti; un solo cookie tecnico protegge il modulo da invii fraudolenti.</p>

            """;
        return PageLayout.Render(pathBase, "Informativa privacy", body, siteName);
    }
}
