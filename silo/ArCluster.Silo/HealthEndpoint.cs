using Orleans.Runtime;

namespace ArCluster.Silo;

/// <summary>
/// GET /health: this silo's membership status and the cluster's active members as this silo sees
/// them (its view is refreshed from the PostgreSQL membership table). 200 when the silo is active,
/// 503 otherwise, so load balancers and orchestrators can act on the status code alone.
/// </summary>
internal static class HealthEndpoint
{
    public static IResult Handle(IClusterMembershipService membership, ILocalSiloDetails local, SiloSettings settings)
    {
        var snapshot = membership.CurrentSnapshot;
        var self = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .OrderBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(m => new HealthMember(m.SiloAddress.ToParsableString(), m.Name, m.Status.ToString()))
            .ToArray();
        var report = new HealthReport(
            self == SiloStatus.Active ? "Healthy" : "Unhealthy",
            local.SiloAddress.ToParsableString(),
            self.ToString(),
            settings.ClusterId,
            snapshot.Version.Value,
            active);
        return Results.Json(report, statusCode: self == SiloStatus.Active ? 200 : 503);
    }
}

internal sealed record HealthReport(
    string Status, string Silo, string SiloStatus, string ClusterId, long MembershipVersion, IReadOnlyList<HealthMember> ActiveMembers);

internal sealed record HealthMember(string Address, string Name, string Status);
