using System.Net;
using ContactCenter.Core.Storage;
using ContactCenter.WebForm.Keys;
using ContactCenter.WebForm.Pages;
using ContactCenter.WebForm.RateLimits;
using ContactCenter.WebForm.Submission;
using ContactCenter.WebForm.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm;

/// <summary>Builds the form's web app: limits, proxies, antiforgery, rate limits, headers, and the three sets of endpoints.</summary>
internal static class WebFormApp
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication Build(IServiceProvider services, WebFormOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "contactcenter-webform",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Only our settings: ASPNETCORE_URLS or a Kestrel section in the environment must not move the form.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(services.GetRequiredService<ILoggerFactory>()));
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxRequestBytes;
            // Held in memory up to the request limit: a part is never spooled to the temp folder (outside the data folder).
            form.MemoryBufferThreshold = (int)Math.Min(options.MaxRequestBytes, int.MaxValue);
            form.ValueCountLimit = 64;
            form.ValueLengthLimit = Math.Max(64 * 1024, options.MaxTextLength * 4 + 1024);
            form.KeyLengthLimit = 256;
        });
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        WebFormKeys.Configure(builder.Services, services, store.DataDirectory);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "cc_modulo";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = null;
        });
        var sharedWindows = services.GetService<ISharedRateCounter>() is { } counter
            ? new SharedRateWindows(counter, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SharedRateWindows>>())
            : null;
        builder.Services.AddRateLimiter(limiter => WebFormRateLimits.Configure(limiter, options, sharedWindows));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => ConfigureProxies(forwarded, options));
        AddServiceObjects(builder.Services, services);

        var web = builder.Build();
        if (options.KnownProxies.Count > 0 || options.KnownNetworks.Count > 0)
        {
            // With both lists empty the middleware would believe X-Forwarded-For from anyone: then it is not used at all.
            web.UseForwardedHeaders();
        }

        web.Use(SecurityHeaders);
        web.Use((context, next) => Failures(context, next, services.GetRequiredService<ILogger<WebFormEndpoint>>()));
        if (options.PathBase.Length > 0)
        {
            web.UsePathBase(options.PathBase);
        }

        web.UseRouting();
        web.UseRateLimiter();
        web.MapGet("/modulo.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(StyleSheet.Css, "text/css; charset=utf-8");
        });
        web.MapGet("/privacy", (HttpContext context, SiteInfo site, IOptions<WebFormOptions> o) =>
            HtmlResults.Page(context, PrivacyPage.Render(context.Request.PathBase, site.Name, o.Value)));
        FormEndpoints.Map(web);
        TrackingEndpoints.Map(web);
        ApiEndpoints.Map(web);
        web.MapFallback((HttpContext context, SiteInfo site) => HtmlResults.Page(context,
            MessagePage.Render(context.Request.PathBase, site.Name, "Pagina non trovata", "La pagina richiesta non esiste."), StatusCodes.Status404NotFound));
        return web;
    }

    private static void AddServiceObjects(IServiceCollection web, IServiceProvider services)
    {
        foreach (var type in new[]
        {
            typeof(SubmissionService), typeof(ITicketStore), typeof(TrackingLinks), typeof(TopicList), typeof(FormValidator), typeof(WebFormMetrics),
            typeof(IOptions<WebFormOptions>), typeof(TimeProvider), typeof(SiteInfo),
        })
        {
            web.AddSingleton(type, services.GetRequiredService(type));
        }

        web.AddSingleton<FormToken>();
        web.AddSingleton<FormEndpoints>();
        web.AddSingleton<TrackingEndpoints>();
        web.AddSingleton<ApiEndpoints>();
    }

    private static void ConfigureProxies(ForwardedHeadersOptions forwarded, WebFormOptions options)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Believe X-Forwarded-* only from the proxies named in the settings (the default trusts loopback).
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in options.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next();
    }

    // A failure is logged with its cause and the citizen gets a plain page: never a stack trace.
    private static async Task Failures(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            WebFormLog.RequestFailed(logger, ex, context.Request.Method, context.Request.Path);
            context.RequestServices.GetRequiredService<WebFormMetrics>().Rejected("error");
            context.Response.Clear();
            context.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            var site = context.RequestServices.GetRequiredService<SiteInfo>();
            await context.Response.WriteAsync(MessagePage.Render(context.Request.PathBase, site.Name, "Servizio momentaneamente non disponibile",
                "Non è stato possibile completare l'operazione. Riprovi tra qualche minuto.")).ConfigureAwait(false);
        }
    }
}
