using ArCluster.Domain.Aging;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Persistence.Ledger;
using Npgsql;

namespace ArCluster.Persistence.Aging;

/// <summary>
/// Claims as aging needs them, read from each claim's opening posting (version 1 of its stream):
/// account, coverage and first date of service from the claim as entered, and the day it was billed
/// (the posting's time, UTC). Ledger entries carry neither the secondary payer nor the billing date.
/// </summary>
public sealed class ClaimFactsReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The facts of every claim of <paramref name="claimIds"/> that is on file, in one query (served
    /// by the unique (stream_id, stream_version) index).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ClaimFacts>> ReadAsync(string practiceId, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        var facts = new Dictionary<string, ClaimFacts>(StringComparer.Ordinal);
        if (claimIds.Count == 0 || !PracticeId.TryParse(practiceId, out var practice, out _))
        {
            return facts;
        }

        string[] streams = [.. claimIds.Select(c => ClaimId.TryParse(c, out var id, out _) ? LedgerStreams.Claim(practice, id) : null).OfType<string>().Distinct(StringComparer.Ordinal)];
        await using var command = dataSource.CreateCommand(
            "SELECT posted_at, payload FROM arcluster_ledger_posting WHERE stream_id = ANY(@streams) AND stream_version = 1");
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", streams));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var billedOn = DateOnly.FromDateTime(reader.GetFieldValue<DateTime>(0));
            if (LedgerJson.Deserialize<ClaimPosting>(reader.GetString(1)).Details is { } claim)
            {
                facts[claim.ClaimId.Value] = new ClaimFacts(
                    claim.ClaimId.Value, claim.AccountId.Value, claim.FirstServiceDate, billedOn, claim.Primary?.PayerId.Value, claim.Secondary?.PayerId.Value);
            }
        }

        return facts;
    }
}
