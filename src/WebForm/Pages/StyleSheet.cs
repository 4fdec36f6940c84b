namespace ContactCenter.WebForm.Pages;

/// <summary>
/// The one stylesheet (served as <c>/modulo.css</c>, so the Content-Security-Policy can forbid inline styles). Colours
/// meet WCAG 2.1 AA contrast on white (text 16:1, links and buttons 7.6:1, errors 6.4:1); focus is always visible.
/// </summary>
internal static class StyleSheet
{
    public const string Css = """
        *,*::before,*::after{box-sizing:border-box}
        body{margin:0;font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1a1a1a;background:#fff}
        main,.testata,.piede{max-width:46rem;margin:0 auto;padding:0 1rem}
        .testata{border-bottom:4px solid #0b4f8a;padding-top:.75rem}
        .sito{font-weight:bold;font-size:1.2rem;margin:.5rem 0}
        .piede{border-top:1px solid #767676;margin-top:3rem;padding-top:.5rem}
        a{color:#0b4f8a;text-decoration:underline}
        a:hover{color:#06284a}
        :focus-visible{outline:3px solid #0b4f8a;outline-offset:2px;box-shadow:0 0 0 6px #ffd84d}
        input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #0b4f8a;outline-offset:2px;box-shadow:0 0 0 6px #ffd84d}
        .salta{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem}
        .salta:focus{left:1rem}
        fieldset{border:1px solid #767676;margin:1.5rem 0;padding:1rem}
        legend{font-weight:bold;padding:0 .25rem}
        .campo{margin:0 0 1.25rem}
        label{display:block;font-weight:bold;margin-bottom:.25rem}
        .aiuto{display:block;color:#3d3d3d;margin:0 0 .35rem;font-size:.95rem}
        input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #3d3d3d;border-radius:0;background:#fff;color:#1a1a1a}
        textarea{min-height:12rem}
        input[type=file]{font:inherit}
        .scelta{display:flex;gap:.6rem;align-items:flex-start}
        .scelta input{width:1.5rem;height:1.5rem;margin-top:.1rem;flex:none}
        .scelta label{font-weight:normal}
        button{font:inherit;font-weight:bold;color:#fff;background:#0b4f8a;border:2px solid #0b4f8a;padding:.65rem 1.5rem;cursor:pointer}
        button:hover{background:#06284a}
        .errore input,.errore select,.errore textarea{border-color:#b3001b}
        .campo.errore{border-left:5px solid #b3001b;padding-left:.75rem}
        .messaggio-errore{color:#b3001b;font-weight:bold;margin:0 0 .35rem}
        .riepilogo{border:4px solid #b3001b;padding:1rem;margin:1rem 0}
        .riepilogo h2{margin-top:0}
        .riepilogo a{color:#b3001b;font-weight:bold}
        .esito{border:4px solid #0b6b2e;padding:1rem;margin:1rem 0}
        .numero{font-size:1.6rem;font-weight:bold;letter-spacing:.03em}
        dl.stato dt{font-weight:bold;margin-top:.5rem}
        dl.stato dd{margin:0}
        .informativa{background:#f3f3f3;padding:.75rem 1rem;border-left:4px solid #767676}
        .hp{display:none}
        .vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        """;
}
