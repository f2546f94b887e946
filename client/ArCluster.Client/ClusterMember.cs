namespace ArCluster.Client;

/// <summary>A silo in the cluster as the membership table records it.</summary>
public sealed record ClusterMember(string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat);
