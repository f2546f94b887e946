using System.Collections.Immutable;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Aging;

/// <summary>
/// A practice's open claims and unapplied account credit, kept in memory by the aging consumer. A
/// large practice has a hundred thousand open claims, so each is held compactly: balances in whole
/// cents, dates as days, and one shared copy of each account and payer id (about 100 bytes a claim
/// with its id). Closed claims are dropped; a claim that opens again is met as new.
/// </summary>
public sealed class OpenClaimBook
{
    private readonly Dictionary<string, Slot> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _credits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public OpenClaimBook()
    {
    }

    public OpenClaimBook(IEnumerable<ClaimBalance> claims, IEnumerable<KeyValuePair<string, Money>> credits)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(credits);
        Set(new AgingChanges([.. claims], [.. credits]));
    }

    public int Count => _claims.Count;

    /// <summary>Patient credit on accounts, applied to no claim (negative: owed back).</summary>
    public Money UnappliedPatientCredit => Money.Sum(_credits.Values);

    public IReadOnlyDictionary<string, Money> Credits => _credits;

    public IEnumerable<ClaimBalance> Claims => _claims.Select(c => c.Value.ToBalance(c.Key));

    public bool Contains(string claimId) => _claims.ContainsKey(claimId);

    /// <summary>
    /// The claims and credits <paramref name="entries"/> would change, without changing the book:
    /// the caller stores them first and then <see cref="Set"/>s them, so the book never holds what the
    /// store does not. Claims not in the book are opened from <paramref name="newClaims"/>.
    /// </summary>
    public AgingChanges Preview(IEnumerable<AgingEntry> entries, IReadOnlyDictionary<string, ClaimFacts> newClaims)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(newClaims);
        var claims = new Dictionary<string, ClaimBalance>(StringComparer.Ordinal);
        var credits = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.MovesBalances))
        {
            if (entry.ClaimId is { } claimId)
            {
                if (!claims.TryGetValue(claimId, out var claim))
                {
                    claim = _claims.TryGetValue(claimId, out var slot) ? slot.ToBalance(claimId)
                        : newClaims.TryGetValue(claimId, out var facts) ? ClaimBalance.Opened(facts)
                        : throw new InvalidOperationException($"Claim '{claimId}' is not open in aging and its facts were not given.");
                }

                claims[claimId] = claim.Apply(entry.Entry);
            }
            else
            {
                var account = entry.AccountId ?? string.Empty;
                var credit = credits.TryGetValue(account, out var c) ? c : _credits.GetValueOrDefault(account);
                credits[account] = credit + PartyBalances.Zero.Apply(entry.Entry).Total;
            }
        }

        return claims.Count == 0 && credits.Count == 0 ? AgingChanges.None : new AgingChanges([.. claims.Values], [.. credits]);
    }

    public void Set(AgingChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var claim in changes.Claims)
        {
            if (claim.IsClosed)
            {
                _claims.Remove(claim.ClaimId);
            }
            else
            {
                _claims[claim.ClaimId] = new Slot(
                    Share(claim.AccountId), ShareOrNull(claim.PrimaryPayerId), ShareOrNull(claim.SecondaryPayerId),
                    claim.FirstServiceDate, claim.BilledOn, claim.Balances.Primary.Cents, claim.Balances.Secondary.Cents, claim.Balances.Patient.Cents);
            }
        }

        foreach (var (account, credit) in changes.Credits)
        {
            if (credit.IsZero)
            {
                _credits.Remove(account);
            }
            else
            {
                _credits[account] = credit;
            }
        }
    }

    private string? ShareOrNull(string? text) => text is null ? null : Share(text);

    private string Share(string text)
    {
        if (_shared.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _shared[text] = text;
        return text;
    }

    private readonly record struct Slot(
        string AccountId, string? PrimaryPayerId, string? SecondaryPayerId, DateOnly FirstServiceDate, DateOnly BilledOn, long Primary, long Secondary, long Patient)
    {
        public ClaimBalance ToBalance(string claimId) => new(
            claimId, AccountId, FirstServiceDate, BilledOn, PrimaryPayerId, SecondaryPayerId,
            new PartyBalances(Money.FromCents(Primary), Money.FromCents(Secondary), Money.FromCents(Patient)));
    }
}
