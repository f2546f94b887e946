using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Remittances;

/// <summary>
/// The three 835 balancing rules (X12 005010X221A1 section 1.10.2.1). A transaction that breaks any
/// of them is refused whole: posting around an unbalanced remittance would put money on the books
/// that the payer never explained.
/// </summary>
public static class RemittanceBalancing
{
    public static IReadOnlyList<RuleViolation> Check(RemittanceTransaction remittance)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        var violations = new Violations();
        for (var c = 0; c < remittance.Claims.Length; c++)
        {
            var claim = remittance.Claims[c];
            for (var s = 0; s < claim.Services.Length; s++)
            {
                var service = claim.Services[s];
                var expected = service.Charge - service.Adjusted;
                if (expected != service.Paid)
                {
                    violations.Add($"claims[{c}].services[{s}]",
                        $"claim {claim.ClaimId} service {s + 1} ({service.Code}): charge {service.Charge} − adjustments {service.Adjusted} = {expected}, but paid is {service.Paid} (off by {service.Paid - expected})");
                }
            }

            var claimExpected = claim.Charge - claim.Adjusted;
            if (claimExpected != claim.Paid)
            {
                violations.Add($"claims[{c}]",
                    $"claim {claim.ClaimId}: charge {claim.Charge} − adjustments {claim.Adjusted} = {claimExpected}, but paid is {claim.Paid} (off by {claim.Paid - claimExpected})");
            }
        }

        var paid = Money.Sum(remittance.Claims.Select(c => c.Paid));
        var provider = Money.Sum(remittance.ProviderAdjustments.Select(p => p.Amount));
        if (paid - provider != remittance.TotalPayment)
        {
            violations.Add("totalPayment",
                $"claim payments {paid} − provider adjustments {provider} = {paid - provider}, but the payment (BPR02) is {remittance.TotalPayment} (off by {remittance.TotalPayment - (paid - provider)})");
        }

        return violations.Items;
    }
}
