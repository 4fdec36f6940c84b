namespace ContactCenter.Ml;

/// <summary>The routing model a cluster uses: its version and the SHA-256 of its file (<see cref="SharedRoutingModels"/>).</summary>
internal sealed record SharedModelPointer(int Version, string Sha256);
