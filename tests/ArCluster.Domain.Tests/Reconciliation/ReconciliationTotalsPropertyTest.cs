using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.Domain.Tests.Reconciliation.CashEntries;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>
/// Random journals of every kind of entry (reversals of earlier ones included, on any day, from any
/// payer): the totals do not depend on the order entries arrive in, nor on how they are batched
/// between stores and reloads. That is what lets a consumer drop redelivered postings, read a gap
/// back from the journal, or start again from stored lines, and still agree with the journal.
/// </summary>
public class ReconciliationTotalsPropertyTest
{
    private static readonly EntryKind[] Kinds = [.. Enum.GetValues<EntryKind>().Where(k => k != EntryKind.Reversal)];

    private const int Days = 5;

    /// <summary>One journal entry to be: a new entry, or (when <see cref="Reverses"/> is set and there is one) a reversal of an earlier entry.</summary>
    private sealed record Draft(EntryKind Kind, long Cents, string? Payer, AdjustmentGroup Group, ResponsibleParty To, int Day, int? Reverses, string Reference);

    /// <summary>A draft, where it goes when the journal is shuffled, and whether a store (and reload) follows it.</summary>
    private sealed record Step(Draft Draft, int ArrivalKey, bool StoredAfter);

    private sealed record Journal(ImmutableArray<LedgerEntry> Entries, ImmutableArray<int> ArrivalKeys, ImmutableArray<bool> StoredAfter, int Dropped)
    {
        public override string ToString() =>
            $"dropped #{Dropped}{Environment.NewLine}  " + string.Join($"{Environment.NewLine}  ", Entries.Select((e, i) =>
                $"#{i} {e.EntryId} {e.Kind}{(e.ReversedKind is { } k ? $"({k} {e.Reverses})" : "")} {e.Amount} {e.PayerId ?? "-"} {e.Group}{e.ToParty} {e.EffectiveDate:MM-dd} arrives {ArrivalKeys[i]}{(StoredAfter[i] ? " | store" : "")}"));
    }

    private static readonly Gen<Draft> Drafts =
        from kind in Gen.Elements(Kinds)
        from cents in Gen.Frequency((8, Gen.Choose(1, 2_500_000)), (1, Gen.Choose(-50_000, -1)))
        from payer in Gen.Elements<string?>(Medicare, Commercial, Medicaid, null)
        from grp in Gen.Elements(AdjustmentGroup.CO, AdjustmentGroup.PR, AdjustmentGroup.OA, AdjustmentGroup.PI)
        from to in Gen.Elements(ResponsibleParty.Secondary, ResponsibleParty.Patient)
        from day in Gen.Choose(0, Days - 1)
        from reverses in Gen.Frequency((4, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 1000).Select(i => (int?)i)))
        from reference in Gen.Elements("TRN-1", "TRN-2", "00042")
        select new Draft(kind, cents, payer, grp, to, day, reverses, reference);

    private static readonly Gen<Step> Steps =
        from draft in Drafts
        from arrival in Gen.Choose(0, 1_000_000)
        from stored in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Step(draft, arrival, stored);

    private static readonly Gen<Journal> Journals =
        from count in Gen.Choose(1, 80)
        from steps in Gen.ArrayOf(Steps, count)
        from dropped in Gen.Choose(0, count - 1)
        select new Journal(Build(steps), [.. steps.Select(s => s.ArrivalKey)], [.. steps.Select(s => s.StoredAfter)], dropped);

    private static ImmutableArray<LedgerEntry> Build(Step[] steps)
    {
        var originals = new List<LedgerEntry>();
        var entries = ImmutableArray.CreateBuilder<LedgerEntry>(steps.Length);
        for (var i = 0; i < steps.Length; i++)
        {
            var d = steps[i].Draft;
            var day = Monday.AddDays(d.Day);
            if (d.Reverses is { } which && originals.Count > 0)
            {
                entries.Add(originals[which % originals.Count].ReversedBy($"E{i}/1", day, "reversed"));
                continue;
            }

            // Only write-offs and PLB items are negative in the journal (debit adjustments, interest).
            var cents = d.Kind is EntryKind.Adjustment or EntryKind.ProviderAdjustment ? d.Cents : Math.Abs(d.Cents);
            var entry = new LedgerEntry($"E{i}/1", d.Kind, Money.FromCents(cents), ResponsibleParty.Primary, day)
            {
                PayerId = d.Payer,
                Group = d.Kind == EntryKind.Adjustment ? d.Group : null,
                ToParty = d.Kind == EntryKind.Transfer ? d.To : null,
                Reference = d.Kind is EntryKind.RemittanceAdvice or EntryKind.Deposit ? d.Reference : null,
            };
            originals.Add(entry);
            entries.Add(entry);
        }

        return entries.MoveToImmutable();
    }

    [Property(MaxTest = 500)]
    public Property Entries_arriving_in_any_order_give_the_totals_of_the_journal_read_in_order()
    {
        return Prop.ForAll(Journals.ToArbitrary(), journal =>
        {
            var inOrder = Fold(journal.Entries);

            var shuffled = Fold(Arrival(journal));

            Assert.Equal(Sorted(inOrder.Lines), Sorted(shuffled.Lines));
        });
    }

    [Property(MaxTest = 500)]
    public Property Entries_previewed_stored_and_reloaded_in_any_batches_give_the_totals_of_one_pass()
    {
        return Prop.ForAll(Journals.ToArbitrary(), journal =>
        {
            var expected = Sorted(Fold(journal.Entries).Lines);
            var arrival = Arrival(journal);
            var storedAfter = journal.StoredAfter.Select((s, i) => (s, i)).OrderBy(x => journal.ArrivalKeys[x.i]).ThenBy(x => x.i).Select(x => x.s).ToArray();

            var totals = new ReconciliationTotals();
            var batch = new List<LedgerEntry>();
            for (var i = 0; i < arrival.Length; i++)
            {
                batch.Add(arrival[i]);
                if (storedAfter[i] || i == arrival.Length - 1)
                {
                    var before = Sorted(totals.Lines);
                    var changed = totals.Preview(batch);
                    Assert.Equal(before, Sorted(totals.Lines));

                    totals.Set(changed);
                    // A new activation starts from the stored lines alone.
                    totals = new ReconciliationTotals(totals.Lines.ToArray());
                    batch.Clear();
                }
            }

            Assert.Equal(expected, Sorted(totals.Lines));
        });
    }

    [Property(MaxTest = 500)]
    public Property Totals_missing_one_entry_differ_from_the_journal_on_exactly_the_line_that_entry_moves()
    {
        return Prop.ForAll(Journals.ToArbitrary(), journal =>
        {
            var full = Fold(journal.Entries);
            var missing = journal.Entries[journal.Dropped];
            var kept = Fold(journal.Entries.RemoveAt(journal.Dropped));
            var first = Monday;
            var last = Monday.AddDays(Days - 1);

            Assert.Empty(Fold(journal.Entries).CompareWith(full, first, last));
            var difference = Assert.Single(kept.CompareWith(full, first, last));

            var (line, amount) = Assert.Single(ReconciliationTotals.Contributions(missing));
            Assert.Equal(line, difference.Key);
            Assert.Equal(full[line], difference.Expected);
            Assert.Equal(full[line] - amount, difference.Actual);
            Assert.Equal(kept[line], difference.Actual);
            Assert.Empty(kept.CompareWith(full, last.AddDays(1), last.AddDays(30)));
        });
    }

    [Property(MaxTest = 300)]
    public Property Every_reversal_takes_off_exactly_what_its_original_put_on_in_the_original_category_payer_and_detail()
    {
        return Prop.ForAll(Journals.ToArbitrary(), journal =>
        {
            var byId = journal.Entries.ToDictionary(e => e.EntryId, StringComparer.Ordinal);
            foreach (var reversal in journal.Entries.Where(e => e.Kind == EntryKind.Reversal))
            {
                var (originalLine, originalAmount) = Assert.Single(ReconciliationTotals.Contributions(byId[reversal.Reverses!]));
                var (reversalLine, reversalAmount) = Assert.Single(ReconciliationTotals.Contributions(reversal));

                Assert.Equal(originalLine with { Day = reversal.EffectiveDate }, reversalLine);
                Assert.Equal(-originalAmount, reversalAmount);
            }
        });
    }

    private static LedgerEntry[] Arrival(Journal journal) =>
        [.. journal.Entries.Select((e, i) => (e, i)).OrderBy(x => journal.ArrivalKeys[x.i]).ThenBy(x => x.i).Select(x => x.e)];

    private static ReconciliationTotals Fold(IEnumerable<LedgerEntry> entries)
    {
        var totals = new ReconciliationTotals();
        foreach (var entry in entries)
        {
            totals.Apply(entry);
        }

        return totals;
    }

    private static List<(TotalKey Key, Money Amount)> Sorted(IReadOnlyDictionary<TotalKey, Money> lines) =>
        [.. lines.OrderBy(l => l.Key.Day).ThenBy(l => l.Key.Category)
            .ThenBy(l => l.Key.Payer, StringComparer.Ordinal).ThenBy(l => l.Key.Detail, StringComparer.Ordinal)
            .Select(l => (l.Key, l.Value))];
}
