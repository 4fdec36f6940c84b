namespace ContactCenter.WebForm.Pages;

/// <summary>
/// The frame of every page: Italian, one stylesheet from this server, no script, no font or file from elsewhere;
/// a skip link to the content and one <c>h1</c> per page.
/// </summary>
internal static class PageLayout
{
    public static string Render(string pathBase, string title, string body, string siteName) => $$"""
        <!DOCTYPE html>
        <html lang="it">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{Html.Encode(title)}} - {{Html.Encode(siteName)}}</title>
        <link rel="stylesheet" href="{{Html.Encode(pathBase)}}/modulo.css">
        </head>
        <body>
        <a class="salta" href="#contenuto">Vai al contenuto</a>
        <header class="testata"><p class="sito">{{Html.Encode(siteName)}}</p></header>
        <main id="contenuto" tabindex="-1">
        {{body}}
        </main>
        <footer class="piede"><p><a href="{{Html.Encode(pathBase)}}/">Nuova richiesta</a> · <a href="{{Html.Encode(pathBase)}}/segui">Segui una richiesta</a> · <a href="{{Html.Encode(pathBase)}}/privacy">Informativa privacy</a></p></footer>
        </body>
        </html>
        """;
}
