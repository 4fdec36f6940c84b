using System.Xml.Linq;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tracking;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ContactCenter.WebForm.Keys;

/// <summary>
/// ASP.NET Core data protection's key ring (the antiforgery tokens and form tokens are sealed with it) in the store's
/// shared keys, so every node of a cluster opens what another sealed. On its first read it adds the keys this node kept
/// in its data folder before (a single machine moving to PostgreSQL): forms served then stay valid everywhere.
/// </summary>
internal sealed class SharedKeyXmlRepository(ISharedKeyStore store, string dataDirectory) : IXmlRepository
{
    private volatile bool imported;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!imported)
        {
            // Names are the keys' ids: adding one again, from this node or another, does nothing.
            foreach (var (name, xml) in FormKeys.LocalKeyRing(dataDirectory))
            {
                store.Add(name, xml);
            }

            imported = true;
        }

        return store.List(FormKeys.KeyRingPrefix).Select(value => XElement.Parse(value)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName) =>
        store.Add(FormKeys.KeyRingPrefix + friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
