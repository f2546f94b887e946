namespace ArCluster.Client;

/// <summary>The client could not reach the cluster; the message says why and what to check.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
