using System.Text.Json;
using ContactCenter.Core.Storage;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// Routing models on a store several nodes share: each version's file in the shared keys (<c>routing/model/v{n}</c>, in
/// base64) and <c>routing/current</c> naming the one in use with its SHA-256. <c>classify train</c> publishes a new
/// version; every node pulls the current one into its own models folder (<see cref="SharedRoutingModelSync"/>), where
/// <see cref="RoutingModelProvider"/> loads it as it loads a training made there. Without this a training reached only
/// the node it ran on, and two nodes routed the same request to different levels.
/// </summary>
internal sealed class SharedRoutingModels(ISharedKeyStore shared)
{
    private const string CurrentName = "routing/current";
    internal const string PublishLock = "routing/publish";

    /// <summary>
    /// Saves the model in <paramref name="folder"/> as the cluster's next version and makes it the current one; returns the
    /// file. Trainings publish one at a time (an advisory lock): two finishing together on two nodes could leave the lower
    /// version current, and every node then loaded the older model while <c>classify train</c> had reported the newer.
    /// </summary>
    public Task<string> PublishNewAsync(MLContext ml, RoutingModel model, RoutingModelFolder folder, CancellationToken cancellationToken) =>
        shared.ExclusivelyAsync(PublishLock, async ct =>
        {
            var current = await CurrentAsync(ct).ConfigureAwait(false);
            await SyncHoldingLockAsync(folder, current, ct).ConfigureAwait(false);
            var version = Math.Max(folder.NextVersion(), (current?.Version ?? 0) + 1);
            while (true)
            {
                var file = folder.Save(ml, model, version);
                var content = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
                if (await OfferAsync(version, content, ct).ConfigureAwait(false))
                {
                    folder.PointTo(version, RoutingModelFolder.Sha256Of(content));
                    return file;
                }

                // A node of an earlier release, which published without the lock, took this version meanwhile.
                version++;
            }
        }, cancellationToken);

    /// <summary>
    /// Brings the cluster's current model into <paramref name="folder"/> when the folder's is another; a single machine's
    /// folder, when the cluster has none yet, becomes the cluster's. Returns the version pulled or published, else null.
    /// </summary>
    public async Task<(int Version, bool Pulled)?> SyncAsync(RoutingModelFolder folder, CancellationToken cancellationToken) =>
        await CurrentAsync(cancellationToken).ConfigureAwait(false) is { } current
            ? await PullAsync(folder, current, cancellationToken).ConfigureAwait(false)
            // Publishing the folder's model writes the cluster's pointer: under the trainings' lock, and looked at again there.
            : await shared.ExclusivelyAsync(PublishLock, async ct => await SyncHoldingLockAsync(folder, await CurrentAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

    /// <summary>As <see cref="SyncAsync"/>, for a caller holding the trainings' lock that has read the cluster's pointer under it.</summary>
    private async Task<(int Version, bool Pulled)?> SyncHoldingLockAsync(RoutingModelFolder folder, SharedModelPointer? current, CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            return await PullAsync(folder, current, cancellationToken).ConfigureAwait(false);
        }

        var local = Local(folder);
        return local is { Version: > 0 } && await OfferAsync(local.Version, await File.ReadAllBytesAsync(local.File, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false) ? (local.Version, false) : null;
    }

    private async Task<(int Version, bool Pulled)?> PullAsync(RoutingModelFolder folder, SharedModelPointer current, CancellationToken cancellationToken)
    {
        var local = Local(folder);
        // The pointer's SHA-256 spares reading and hashing the file at every check; an older pointer has none.
        if (local?.Version == current.Version
            && (local.Sha256 ?? RoutingModelFolder.Sha256Of(await File.ReadAllBytesAsync(local.File, cancellationToken).ConfigureAwait(false))) == current.Sha256)
        {
            return null;
        }

        var stored = await shared.GetAsync(VersionName(current.Version), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The shared keys name routing model v{current.Version} as the current one, but hold no {VersionName(current.Version)}.");
        var content = Convert.FromBase64String(stored);
        if (RoutingModelFolder.Sha256Of(content) != current.Sha256)
        {
            throw new InvalidDataException($"Routing model v{current.Version} in the shared keys does not match its SHA-256 in {CurrentName}.");
        }

        folder.WriteAndPoint(current.Version, content);
        return (current.Version, true);
    }

    /// <summary>Keeps <paramref name="content"/> as <paramref name="version"/> unless that version is another's, then makes it current.</summary>
    private async Task<bool> OfferAsync(int version, byte[] content, CancellationToken cancellationToken)
    {
        var encoded = Convert.ToBase64String(content);
        if (shared.GetOrAdd(VersionName(version), encoded) != encoded)
        {
            return false;
        }

        await shared.SetAsync(CurrentName, JsonSerializer.Serialize(new SharedModelPointer(version, RoutingModelFolder.Sha256Of(content))), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<SharedModelPointer?> CurrentAsync(CancellationToken cancellationToken) =>
        await shared.GetAsync(CurrentName, cancellationToken).ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<SharedModelPointer>(json) : null;

    /// <summary>The folder's current model, when its pointer names a file that is there.</summary>
    private static RoutingModelPointer? Local(RoutingModelFolder folder) => folder.Current() is { } pointer && File.Exists(pointer.File) ? pointer : null;

    private static string VersionName(int version) => $"routing/model/v{version}";
}
