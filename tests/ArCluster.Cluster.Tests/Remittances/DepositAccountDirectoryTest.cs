using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>A bank deposit reaches the practice whose account it arrived in, and never another practice's books.</summary>
public class DepositAccountDirectoryTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    private IPracticeDirectoryGrain Directory => cluster.Grains.GetGrain<IPracticeDirectoryGrain>("all");

    [Fact]
    public async Task A_registered_deposit_account_routes_bank_deposits_to_its_practice()
    {
        var practice = await Register("dep-routed", " 000111222333 ", "4444");

        Assert.Equal(["000111222333", "4444"], practice.DepositAccounts.AsEnumerable());
        Assert.Equal(["000111222333", "4444"], (await cluster.Grains.GetGrain<IPracticeGrain>("dep-routed").Read()).DepositAccounts.AsEnumerable());
        Assert.Equal("dep-routed", await Directory.FindDepositAccount("000111222333"));
        Assert.Equal("dep-routed", await Directory.FindDepositAccount("4444"));
        Assert.Null(await Directory.FindDepositAccount("111222333"));
    }

    [Fact]
    public async Task A_second_practice_cannot_claim_another_practices_deposit_account_and_nothing_of_it_is_stored()
    {
        await Register("dep-owner", "000222333444");
        var claimant = cluster.Grains.GetGrain<IPracticeGrain>("dep-claimant");

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            claimant.Register(SamplePractices.Family("dep-claimant") with { DepositAccounts = ["5555", "000222333444"] }));

        Assert.Contains("Bank account ••••3444 already receives the deposits of practice 'dep-owner'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("000222333444", error.Message, StringComparison.Ordinal);
        Assert.Equal("dep-owner", await Directory.FindDepositAccount("000222333444"));
        Assert.Null(await Directory.FindDepositAccount("5555"));
        Assert.Null(await Directory.FindPayee(SamplePractices.NpiFor("dep-claimant"), null));
        Assert.DoesNotContain("dep-claimant", await Directory.Practices());
        await Assert.ThrowsAsync<NotFoundException>(() => claimant.Read());
    }

    [Fact]
    public async Task An_account_dropped_on_update_no_longer_routes_and_another_practice_may_take_it()
    {
        var before = SamplePractices.Family("dep-moved") with { DepositAccounts = ["000333444555", "000333444666"] };
        var practice = cluster.Grains.GetGrain<IPracticeGrain>("dep-moved");
        await practice.Register(before);

        var updated = await practice.Update(before with { DepositAccounts = ["000333444666", "000333444777"] }, expectedVersion: 1);
        await Register("dep-taker", "000333444555");

        Assert.Equal(2, updated.Version);
        Assert.Equal("dep-taker", await Directory.FindDepositAccount("000333444555"));
        Assert.Equal("dep-moved", await Directory.FindDepositAccount("000333444666"));
        Assert.Equal("dep-moved", await Directory.FindDepositAccount("000333444777"));
    }

    [Fact]
    public async Task The_same_accounts_in_another_order_are_the_same_registration()
    {
        var first = await Register("dep-order", "000444555666", "1111");
        var again = await Register("dep-order", "1111", "000444555666");
        var unchanged = await cluster.Grains.GetGrain<IPracticeGrain>("dep-order")
            .Update(SamplePractices.Family("dep-order") with { DepositAccounts = [" 1111", "000444555666"] }, expectedVersion: 1);

        Assert.Equal((1, first.UpdatedAt), (again.Version, again.UpdatedAt));
        Assert.Equal((1, first.UpdatedAt), (unchanged.Version, unchanged.UpdatedAt));
    }

    [Fact]
    public async Task Every_registered_practice_is_listed_in_ordinal_order()
    {
        await Register("dep-list-b");
        await Register("dep-list-9");
        await Register("dep-list-a");
        await Register("dep-list-10");

        var practices = await Directory.Practices();

        Assert.Equal(["dep-list-10", "dep-list-9", "dep-list-a", "dep-list-b"], practices.Where(p => p.StartsWith("dep-list-", StringComparison.Ordinal)));
        Assert.Equal(practices.Order(StringComparer.Ordinal), practices);
    }

    private Task<PracticeView> Register(string practiceId, params string[] depositAccounts) =>
        cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(SamplePractices.Family(practiceId) with { DepositAccounts = [.. depositAccounts] });
}
