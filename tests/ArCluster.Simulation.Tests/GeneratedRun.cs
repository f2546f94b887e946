using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.BankFiles;
using ArCluster.X12.Remittance;

namespace ArCluster.Simulation.Tests;

/// <summary>A run's files read back with ArCluster's readers, as a poster would see them.</summary>
public sealed class GeneratedRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public GeneratedRun(Simulation simulation, SimulationFiles files)
    {
        Simulation = simulation;
        Files = files;
        var practicesByNpi = simulation.Practices.ToFrozenDictionary(p => p.Npi);
        Results = [.. files.Remittances.SelectMany(path => RemittanceFile.Read(path).Select(result => (path, result)))];
        Remittances = [.. Results
            .Select(r => (r.Path, Accepted: r.Result as AcceptedRemittance))
            .Where(r => r.Accepted is not null)
            .Select(r => new Remittance(r.Path, DayOf(r.Path), practicesByNpi[r.Accepted!.Advice.Payee.Npi!], r.Accepted.Advice))];
        BankReports = [.. files.BankReports.Select(DepositFile.Read)];
        DepositCsvFiles = [.. files.DepositCsvFiles.Select(DepositFile.Read)];
        Claims = simulation.Practices.ToFrozenDictionary(
            p => p.PracticeId,
            p => (IReadOnlyList<NewClaim>)[.. File.ReadLines(files.Claims.Single(f => Path.GetFileNameWithoutExtension(f) == p.PracticeId)).Select(l => JsonSerializer.Deserialize<NewClaim>(l, Json)!)]);
        ClaimIndex = Claims.ToFrozenDictionary(
            c => c.Key,
            c => c.Value.Select((claim, i) => (claim.ClaimId, i)).ToFrozenDictionary(x => x.ClaimId, x => x.i));
        Accounts = simulation.Practices.ToFrozenDictionary(
            p => p.PracticeId,
            p => (IReadOnlyList<NewAccount>)[.. File.ReadLines(files.Accounts.Single(f => Path.GetFileNameWithoutExtension(f) == p.PracticeId)).Select(l => JsonSerializer.Deserialize<NewAccount>(l, Json)!)]);
    }

    public Simulation Simulation { get; }

    public SimulationFiles Files { get; }

    public Expectations Expected => Files.Expectations;

    /// <summary>Every transaction set of every 835 file, accepted or not.</summary>
    public IReadOnlyList<(string Path, RemittanceResult Result)> Results { get; }

    /// <summary>The accepted transactions in file order (files sort by payment date).</summary>
    public IReadOnlyList<Remittance> Remittances { get; }

    public IReadOnlyList<DepositFileResult> BankReports { get; }

    public IReadOnlyList<DepositFileResult> DepositCsvFiles { get; }

    /// <summary>Claims by practice, in the order written (claim index).</summary>
    public FrozenDictionary<string, IReadOnlyList<NewClaim>> Claims { get; }

    public FrozenDictionary<string, FrozenDictionary<string, int>> ClaimIndex { get; }

    public FrozenDictionary<string, IReadOnlyList<NewAccount>> Accounts { get; }

    /// <summary>Every claim payment with its remittance, in file order.</summary>
    public IEnumerable<(Remittance Remittance, ClaimPayment Claim)> ClaimPayments =>
        Remittances.SelectMany(r => r.Advice.Claims.Select(c => (r, c)));

    public bool IsBilled(SimulatedPractice practice, string claimId) => ClaimIndex[practice.PracticeId].ContainsKey(claimId);

    public NewClaim ClaimOf(SimulatedPractice practice, string claimId) => Claims[practice.PracticeId][ClaimIndex[practice.PracticeId][claimId]];

    public ClaimOutcome OutcomeOf(SimulatedPractice practice, string claimId) => Simulation.Outcome(practice, ClaimIndex[practice.PracticeId][claimId]);

    public IEnumerable<BankDeposit> BankDeposits => BankReports.OfType<AcceptedDepositFile>().SelectMany(f => f.Deposits);

    private static DateOnly DayOf(string path) =>
        DateOnly.ParseExact(Path.GetFileName(path)[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>One accepted 835 transaction, with the practice its payee names.</summary>
public sealed record Remittance(string Path, DateOnly FileDay, SimulatedPractice Practice, RemittanceAdvice Advice)
{
    public string PayerId => Advice.Payer.PayerId!;
}
