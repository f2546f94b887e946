using System.Text.Json;
using ArCluster.Abstractions.Claims;
using ArCluster.Simulation.Calendar;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Deposits;
using ArCluster.Simulation.Output;
using ArCluster.Simulation.Patients;
using ArCluster.Simulation.Practices;

namespace ArCluster.Simulation.Engine;

/// <summary>
/// One pass over the calendar. Each day: the visits of a business day of service become claims; the
/// payers pay what falls due (one 835 per payer, a transaction per practice); the bank reports what
/// arrived. Only claims in flight are remembered, as <see cref="PendingEvent"/>s, and only
/// deposits not yet reported; the run goes on past the last day of service until every claim is
/// settled and every deposit reported.
/// </summary>
internal sealed partial class SimulationRun
{
    private readonly SimulationOptions _options;
    private readonly PracticeModel[] _practices;
    private readonly SimulationOutput _output;
    private readonly IProgress<SimulationProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly PracticeExpectations[] _expected;
    private readonly PayerExpectations[][] _expectedByPayer;
    private readonly Agenda<PendingEvent> _claimEvents = new();
    private readonly Agenda<PendingEvent> _recoupments = new();
    private readonly Agenda<Deposit> _deposits = new();
    private readonly JsonLinesWriter<NewClaim>[] _claimWriters;
    private readonly List<string> _practiceFiles = [];
    private readonly List<string> _feeFiles = [];
    private readonly List<string> _accountFiles = [];
    private readonly List<string> _claimFiles = [];
    private readonly List<string> _remittanceFiles = [];
    private readonly List<string> _bankFiles = [];
    private readonly List<string> _csvFiles = [];
    private long _claims;
    private int _transactions;

    public SimulationRun(SimulationOptions options, PracticeModel[] practices, SimulationOutput output, IProgress<SimulationProgress>? progress, CancellationToken cancellation)
    {
        _options = options;
        _practices = practices;
        _output = output;
        _progress = progress;
        _cancellation = cancellation;
        _expected = [.. practices.Select(p => new PracticeExpectations { PracticeId = p.Practice.PracticeId })];
        _expectedByPayer = [.. practices.Select(_ => Payers.All.Select(payer => new PayerExpectations { PayerId = payer.PayerId }).ToArray())];
        _claimWriters = new JsonLinesWriter<NewClaim>[practices.Length];
        _balances = [.. practices.Select(p => p.OpeningBalance)];
        _patientChecks = new int[practices.Length];
        _interchanges = new int[Payers.All.Length];
        _banks = [.. practices.GroupBy(p => p.Practice.BankRoutingNumber, StringComparer.Ordinal).Select(g => (g.Key, g.ToArray()))];
    }

    public SimulationFiles Run(string directory)
    {
        WritePractices();
        var serviceEnd = _options.Start.AddDays(_options.Days);
        var serviceDay = 0;
        var day = _options.Start;
        try
        {
            for (; ; day = day.AddDays(1))
            {
                _cancellation.ThrowIfCancellationRequested();
                var businessDay = BusinessCalendar.IsBusinessDay(day);
                if (day < serviceEnd && businessDay)
                {
                    Visits(day, serviceDay++);
                    OtherCredits(day);
                }

                Remittances(day);
                if (businessDay)
                {
                    BankReport(day);
                }

                _progress?.Report(new SimulationProgress(day, _claims, _remittanceFiles.Count, _transactions, _bankFiles.Count));
                if (day >= serviceEnd && _claimEvents.Count == 0 && _deposits.Count == 0)
                {
                    // Recoupments still waiting have no remittance left to come out of: the payer never takes them.
                    break;
                }
            }
        }
        finally
        {
            foreach (var writer in _claimWriters)
            {
                writer?.Dispose();
            }
        }

        for (var i = 0; i < _practices.Length; i++)
        {
            _expected[i].Payers = [.. _expectedByPayer[i].Where(p => p.ClaimsAdjudicated > 0 || p.RemittanceTransactions > 0)];
        }

        var expectations = new Expectations([.. _expected], _remittanceFiles.Count, _bankFiles.Count, _options.Start, day);
        var (expectationsFile, stream) = _output.Create("expectations.json");
        using (stream)
        {
            JsonSerializer.Serialize(stream, expectations, SimulationJson.Indented.Expectations);
            stream.WriteByte((byte)'\n');
        }

        return new SimulationFiles(
            directory,
            [.. _practiceFiles],
            [.. _feeFiles],
            [.. _accountFiles],
            [.. _claimFiles],
            [.. _remittanceFiles],
            [.. _bankFiles],
            [.. _csvFiles],
            expectationsFile,
            expectations);
    }

    /// <summary>Registrations, fee schedules and accounts first: everything a claim refers to.</summary>
    private void WritePractices()
    {
        foreach (var model in _practices)
        {
            var practice = model.Practice;
            var (path, stream) = _output.Create($"practices/{practice.PracticeId}.json");
            using (stream)
            {
                JsonSerializer.Serialize(stream, practice.Registration, SimulationJson.Indented.PracticeRegistration);
                stream.WriteByte((byte)'\n');
            }

            _practiceFiles.Add(path);
            foreach (var schedule in practice.FeeSchedules)
            {
                (path, stream) = _output.Create($"fees/{practice.PracticeId}/{schedule.PayerId}.json");
                using (stream)
                {
                    JsonSerializer.Serialize(stream, schedule, SimulationJson.Indented.FeeScheduleRates);
                    stream.WriteByte((byte)'\n');
                }

                _feeFiles.Add(path);
            }

            (path, stream) = _output.Create($"accounts/{practice.PracticeId}.jsonl");
            using (var accounts = new JsonLinesWriter<Abstractions.Accounts.NewAccount>(stream, SimulationJson.Default.NewAccount))
            {
                for (var i = 0; i < practice.Accounts; i++)
                {
                    accounts.Write(PatientFactory.Create(_options.Seed, model, i, _options.Start).ToAccount(practice.PracticeId));
                }
            }

            _expected[model.Index].Accounts = practice.Accounts;
            _accountFiles.Add(path);
            (path, stream) = _output.Create($"claims/{practice.PracticeId}.jsonl");
            _claimWriters[model.Index] = new JsonLinesWriter<NewClaim>(stream, SimulationJson.Default.NewClaim);
            _claimFiles.Add(path);
        }
    }
}
