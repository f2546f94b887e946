using ArCluster.BankFiles;
using ArCluster.X12.Remittance;

namespace ArCluster.Simulation.Tests;

public sealed class RunSizesTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"arcluster-sizes-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    public void A_run_of_any_size_writes_files_ArCluster_accepts_and_that_add_up(int practices, int days)
    {
        var simulation = new Simulation(new SimulationOptions { Seed = practices * 100 + days, Practices = practices, Days = days });
        var run = new GeneratedRun(simulation, simulation.WriteFiles(_directory));
        var expected = run.Expected.Total;

        Assert.All(run.Results, r => Assert.True(r.Result.IsAccepted, $"{r.Path}: {(r.Result as RejectedRemittance)?.Describe()}"));
        Assert.All(run.BankReports.Concat(run.DepositCsvFiles), f => Assert.True(f.IsAccepted, $"{f.Path}: {(f as RejectedDepositFile)?.Describe()}"));
        Assert.Equal(simulation.ClaimCount, expected.Claims);
        Assert.Equal(expected.RemittanceTransactions, run.Remittances.Count);
        Assert.Equal(expected.RemittanceTotal, run.Remittances.Sum(r => r.Advice.TotalActualPayment));
        Assert.Equal(expected.DepositTotal, run.BankDeposits.Sum(d => d.Amount));
        Assert.Equal(expected.ClaimsAdjudicated, expected.Claims - expected.SelfPayClaims);
        Assert.Equal(practices, run.Expected.Practices.Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
