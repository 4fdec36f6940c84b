using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Registers the receipt ("presa in carico") policy, composer and outbox sender.</summary>
public static class AcknowledgementServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>ContactCenter:Receipts</c> and <c>ContactCenter:Smtp</c> (validated at start) and registers
    /// <see cref="IReceiptPolicy"/>, <see cref="ReceiptComposer"/> and <see cref="OutboxSender"/>. The host must
    /// register <see cref="ITicketStore"/> and run <see cref="OutboxSender.SendDueAsync"/> on a schedule.
    /// </summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReceiptOptions>()
            .Bind(configuration.GetSection(ReceiptOptions.SectionName))
            .PostConfigure(options => MergeMailOwnAddresses(options, configuration))
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReceiptOptions>, ReceiptOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TemplateFileCache>();
        services.TryAddSingleton<IReceiptPolicy, ReceiptPolicy>();
        services.TryAddSingleton(sp => new ReceiptComposer(
            sp.GetRequiredService<IOptions<ReceiptOptions>>(),
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TemplateFileCache>(),
            sp.GetService<Core.Tracking.ITrackingLinks>()));
        services.AddOAuth2Tokens();
        services.TryAddSingleton<OutboxSender>();
        return services;
    }

    // The mailboxes we read are our own too: never send them a receipt (that is how mail loops start).
    private static void MergeMailOwnAddresses(ReceiptOptions options, IConfiguration configuration)
    {
        var mail = configuration.GetSection("ContactCenter:Mail:OwnAddresses").Get<string[]>() ?? [];
        foreach (var address in mail.Where(a => !options.OwnAddresses.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            options.OwnAddresses.Add(address);
        }
    }
}
