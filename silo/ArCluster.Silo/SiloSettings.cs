using System.Net;

namespace ArCluster.Silo;

/// <summary>The silo's settings, from the "ArCluster" configuration section (env: ArCluster__SiloPort=...).</summary>
public sealed class SiloSettings
{
    public const string Section = "ArCluster";

    public string ClusterId { get; set; } = "arcluster";

    public string ServiceId { get; set; } = "arcluster";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public int HealthPort { get; set; } = 5080;

    /// <summary>The address other silos and clients use to reach this one.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Where the embedded PostgreSQL keeps its files when no connection string is configured.</summary>
    public string LocalDatabaseDirectory { get; set; } = Path.Combine(".arcluster", "postgres");

    public IPAddress AdvertisedIp => IPAddress.Parse(AdvertisedAddress);

    public IEnumerable<string> Problems()
    {
        foreach (var (name, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort), ("HealthPort", HealthPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"ArCluster:{name}={port} is not a TCP port (1-65535)";
            }
        }

        if (new[] { SiloPort, GatewayPort, HealthPort }.Distinct().Count() != 3)
        {
            yield return $"ArCluster:SiloPort, GatewayPort and HealthPort must differ (got {SiloPort}, {GatewayPort}, {HealthPort})";
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"ArCluster:AdvertisedAddress='{AdvertisedAddress}' is not an IP address";
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return "ArCluster:ClusterId and ArCluster:ServiceId must not be empty";
        }
    }
}
