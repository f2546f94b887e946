using ArCluster.Domain.Ledger;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Ledger;

public class PartyBalancesTest
{
    [Fact]
    public void The_total_is_every_party_and_insurance_is_primary_plus_secondary()
    {
        var balances = new PartyBalances(Usd(80m), Usd(15m), Usd(-5m));

        Assert.Equal(Usd(90m), balances.Total);
        Assert.Equal(Usd(95m), balances.Insurance);
        Assert.Equal(Usd(80m), balances[ResponsibleParty.Primary]);
        Assert.Equal(Usd(15m), balances[ResponsibleParty.Secondary]);
        Assert.Equal(Usd(-5m), balances[ResponsibleParty.Patient]);
    }

    [Fact]
    public void Applying_an_entry_moves_only_the_parties_it_touches()
    {
        var transfer = new LedgerEntry("T/1", EntryKind.Transfer, Usd(25m), ResponsibleParty.Primary, new DateOnly(2025, 5, 1))
        {
            ToParty = ResponsibleParty.Secondary,
        };

        var after = new PartyBalances(Usd(100m), Money.Zero, Money.Zero).Apply(transfer);

        Assert.Equal(new PartyBalances(Usd(75m), Usd(25m), Money.Zero), after);
        Assert.Equal(Usd(100m), after.Total);
    }
}
