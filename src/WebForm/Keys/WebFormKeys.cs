using System.Data.Common;
using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tracking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.WebForm.Keys;

/// <summary>Where the form's data protection keys live: the store's shared keys when it has them (a cluster), else the data folder.</summary>
internal static class WebFormKeys
{
    private const string ApplicationName = "contactcenter-webform";

    public static void Configure(IServiceCollection webServices, IServiceProvider services, string dataDirectory)
    {
        var dataProtection = webServices.AddDataProtection().SetApplicationName(ApplicationName);
        if (services.GetService<ISharedKeyStore>() is { } shared)
        {
            webServices.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new SharedKeyXmlRepository(shared, dataDirectory));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(FormKeys.KeyRingFolder(dataDirectory)));
        }
    }

    /// <summary>
    /// Loads the key ring before the form is served, one node at a time: a node that finds no key makes the first one,
    /// and without the lock two nodes started together would each make their own and, for up to a day (the ring's
    /// refresh), refuse every form the other served.
    /// </summary>
    public static async Task LoadSharedKeyRingAsync(IServiceProvider webServices, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (services.GetService<ISharedKeyStore>() is not { } shared)
        {
            return;
        }

        try
        {
            var protector = webServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicationName + ".start");
            await shared.ExclusivelyAsync("dataprotection", _ => Task.FromResult(protector.Protect([0])), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or CryptographicException)
        {
            // The database down at start (or the role may not use the table yet): the form starts, and its first request loads the ring.
            WebFormLog.KeyRingNotLoaded(logger, ex.Message);
        }
    }
}
