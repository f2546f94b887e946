using ArCluster.Abstractions.Remittances;

namespace ArCluster.Client;

/// <summary>
/// Posting 835 remittances. Each transaction goes to the practice its payee (N1*PE NPI or tax id)
/// names; posting one again — from the same file, a renamed copy, or another client at the same
/// moment — posts nothing more and returns the first report.
/// </summary>
public sealed class RemittanceOperations
{
    private readonly IClusterClient _orleans;
    private readonly string _user;

    internal RemittanceOperations(IClusterClient orleans, string user)
    {
        _orleans = orleans;
        _user = user;
    }

    /// <summary>
    /// Posts one 835 transaction. <paramref name="expectedPracticeId"/>, when given, must be the practice
    /// the payee resolves to — a guard against a file sent to the wrong client practice.
    /// </summary>
    public async Task<RemittanceReport> PostAsync(RemittanceSubmission remittance, string? expectedPracticeId = null)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        var practice = await _orleans.GetGrain<IPracticeDirectoryGrain>("all").FindPayee(remittance.PayeeNpi, remittance.PayeeTaxId);
        if (practice is null || (expectedPracticeId is not null && practice != expectedPracticeId))
        {
            var payee = $"payee NPI {remittance.PayeeNpi ?? "(none)"}, tax id {remittance.PayeeTaxId ?? "(none)"}";
            var reason = practice is null
                ? $"{payee} is not a registered practice; register the practice (or fix its NPI / tax id) and post the file again"
                : $"{payee} belongs to practice '{practice}', not '{expectedPracticeId}'";
            return new RemittanceReport(practice ?? expectedPracticeId ?? string.Empty, remittance.PayerId, remittance.TraceNumber, remittance.ControlNumber,
                RemittanceOutcome.Rejected, [reason], remittance.TotalPayment, 0, 0m, System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty,
                0m, [], [], [], [], 0, [], null);
        }

        return await _orleans.GetGrain<IRemittanceGrain>($"{practice}/{remittance.PayerId}/{remittance.TraceNumber}").Post(remittance, _user);
    }
}
