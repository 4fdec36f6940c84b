using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Where the refresh tokens a provider rotates are kept: the service's data folder (<see cref="OAuth2TokenRegistry.StateFolder"/>),
/// or, on a store several nodes share, the cluster's <paramref name="Shared"/> keys, since a token one node spent is
/// dead for the others too (and a provider with reuse detection revokes every token of the login when one is presented
/// again). There, the folder's file is read once, to bring a single machine's token along.
/// </summary>
public sealed record OAuth2State(string Folder, ISharedKeyStore? Shared = null);
