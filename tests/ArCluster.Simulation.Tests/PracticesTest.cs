using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Practices;
using PayerKind = ArCluster.Abstractions.Practices.PayerKind;

namespace ArCluster.Simulation.Tests;

[Collection(SmallRunGroup.Name)]
public sealed class PracticesTest(SmallRun small)
{
    private readonly GeneratedRun _run = small.Run;

    [Fact]
    public void Group_and_rendering_NPIs_pass_the_check_digit_and_are_never_shared()
    {
        var simulation = new Simulation(new SimulationOptions { Practices = 40, Days = 1 });
        var npis = simulation.Practices.SelectMany(p => p.Providers.Select(r => r.Npi).Prepend(p.Npi)).ToList();

        Assert.All(npis, npi => Assert.True(Npi.TryParse(npi, out _, out var error), error));
        Assert.Equal(npis.Count, npis.Distinct().Count());
        Assert.Equal(simulation.Practices.Count, simulation.Practices.Select(p => p.TaxId).Distinct().Count());
        Assert.Equal(simulation.Practices.Count, simulation.Practices.Select(p => p.PracticeId).Distinct().Count());
        Assert.Equal(simulation.Practices.Count, simulation.Practices.Select(p => p.DepositAccount).Distinct().Count());
    }

    [Fact]
    public void Registrations_and_fee_schedules_pass_ArCluster_rules()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var registration = practice.Registration;
            var profile = PracticeProfileRules.Validate(new PracticeProfileInput(
                registration.PracticeId,
                registration.Name,
                registration.Npi,
                registration.TaxId,
                [.. registration.Payers.Select(p => new PracticePayerInput(p.PayerId, p.Name, (Domain.Practices.PayerKind)(int)p.Kind, p.TimelyFilingDays))],
                Domain.Practices.AgingBasis.DateOfService,
                registration.DepositAccounts));
            Assert.Equal(practice.DepositAccount, Assert.Single(profile.DepositAccounts).Value);

            var payers = registration.Payers.Select(p => p.PayerId).ToHashSet();
            Assert.Equal(payers, practice.FeeSchedules.Select(f => f.PayerId).ToHashSet());
            foreach (var schedule in practice.FeeSchedules)
            {
                FeeScheduleRules.Validate(new FeeScheduleInput(schedule.PayerId, [.. schedule.Rates.Select(r => new FeeScheduleRateInput(r.Code, r.Modifier, r.Allowed))]), payers);
            }
        }
    }

    [Fact]
    public void Each_practice_bills_Medicare_a_state_Medicaid_and_two_or_three_commercial_plans_with_their_filing_limits()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var payers = practice.Registration.Payers;
            Assert.Equal(365, Assert.Single(payers, p => p.Kind == PayerKind.Medicare).TimelyFilingDays);
            Assert.Equal(365, Assert.Single(payers, p => p.Kind == PayerKind.Medicaid).TimelyFilingDays);
            var commercial = payers.Where(p => p.Kind == PayerKind.Commercial).ToList();
            Assert.InRange(commercial.Count, 2, 3);
            Assert.All(commercial, p => Assert.InRange(p.TimelyFilingDays, 90, 180));
        }
    }

    [Fact]
    public void Payers_allow_their_usual_share_of_the_practice_charge()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var charges = _run.Claims[practice.PracticeId].SelectMany(c => c.Lines).GroupBy(l => l.Code).ToDictionary(g => g.Key, g => g.First().Charge / g.First().Units);
            foreach (var schedule in practice.FeeSchedules)
            {
                var kind = practice.Registration.Payers.Single(p => p.PayerId == schedule.PayerId).Kind;
                var (low, high) = kind switch
                {
                    PayerKind.Medicare => (0.40m, 0.65m),
                    PayerKind.Medicaid => (0.30m, 0.55m),
                    _ => (0.55m, 0.95m),
                };
                foreach (var rate in schedule.Rates.Where(r => charges.ContainsKey(r.Code)))
                {
                    Assert.InRange(rate.Allowed / charges[rate.Code], low, high);
                }
            }
        }
    }

    [Fact]
    public void Accounts_pass_ArCluster_rules_and_children_have_a_guarantor()
    {
        var today = new DateOnly(2026, 11, 1);
        foreach (var practice in _run.Simulation.Practices)
        {
            var accounts = _run.Accounts[practice.PracticeId];
            Assert.Equal(practice.Accounts, accounts.Count);
            Assert.Equal(accounts.Count, accounts.Select(a => a.AccountId).Distinct().Count());
            foreach (var account in accounts)
            {
                AccountRules.Validate(new AccountInput(account.PracticeId, account.AccountId, Person(account.Patient), account.Guarantor is { } g ? Person(g) : null), today);
                var age = _run.Simulation.Options.Start.Year - account.Patient.DateOfBirth!.Value.Year;
                Assert.Equal(age <= 18, account.Guarantor is not null || age == 18);
            }
        }
    }

    [Fact]
    public void Claims_pass_ArCluster_rules()
    {
        var today = new DateOnly(2026, 11, 1);
        foreach (var practice in _run.Simulation.Practices)
        {
            var payers = practice.Registration.Payers.Select(p => p.PayerId).ToHashSet();
            var accounts = _run.Accounts[practice.PracticeId].Select(a => a.AccountId).ToHashSet();
            var claims = _run.Claims[practice.PracticeId];
            Assert.Equal(practice.Claims, claims.Count);
            Assert.Equal(claims.Count, claims.Select(c => c.ClaimId).Distinct().Count());
            foreach (var claim in claims)
            {
                Assert.Contains(claim.AccountId, accounts);
                Assert.Equal(practice.Npi, claim.BillingNpi);
                Assert.Contains(claim.RenderingNpi, practice.Providers.Select(p => p.Npi));
                ClaimRules.Validate(
                    new ClaimInput(
                        claim.PracticeId,
                        claim.ClaimId,
                        claim.AccountId,
                        claim.Primary is { } primary ? new CoverageInput(primary.PayerId, primary.MemberId) : null,
                        claim.Secondary is { } secondary ? new CoverageInput(secondary.PayerId, secondary.MemberId) : null,
                        claim.BillingNpi,
                        claim.RenderingNpi,
                        [.. claim.Diagnoses],
                        [.. claim.Lines.Select(l => new ServiceLineInput(l.Code, [.. l.Modifiers], l.Units, l.Charge, l.ServiceDate, l.PlaceOfService, [.. l.DiagnosisPointers], l.LineControlNumber))]),
                    payers,
                    today);
            }
        }
    }

    [Fact]
    public void Claim_ids_are_patient_control_numbers_with_the_specialty_prefix_and_year()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            Assert.All(_run.Claims[practice.PracticeId], c => Assert.Matches($"^{practice.ClaimPrefix}-2026-[0-9]{{6}}$", c.ClaimId));
        }
    }

    [Fact]
    public void Specialties_bill_their_own_codes_with_modifiers_where_they_belong()
    {
        var lines = _run.Simulation.Practices.ToDictionary(p => p.Specialty, p => _run.Claims[p.PracticeId].SelectMany(c => c.Lines).ToList());

        Assert.Contains(lines[Specialty.FamilyMedicine], l => l.Code == "36415");
        Assert.Contains(lines[Specialty.FamilyMedicine], l => l.Code == "20610" && (l.Modifiers.Contains("RT") || l.Modifiers.Contains("LT")));
        Assert.Contains(lines[Specialty.Orthopedics], l => l.Code is "73560" or "73562");
        Assert.Contains(lines[Specialty.Orthopedics], l => l.Code == "97110" && l.Units > 1 && l.Modifiers.Contains("GP"));
        Assert.Contains(lines[Specialty.Pediatrics], l => l.Code == "90460");
        Assert.DoesNotContain(lines[Specialty.Pediatrics], l => l.Code is "G0439" or "29881");

        // Modifier 25 only on a visit billed with another service that day.
        foreach (var claim in _run.Claims.Values.SelectMany(c => c))
        {
            if (claim.Lines.Any(l => l.Modifiers.Contains("25")))
            {
                Assert.True(claim.Lines.Length > 1, $"{claim.ClaimId} has modifier 25 on its only line");
            }
        }
    }

    private static PersonInput Person(Abstractions.Accounts.PersonInfo person) => new(person.FirstName, person.LastName, person.DateOfBirth);
}
