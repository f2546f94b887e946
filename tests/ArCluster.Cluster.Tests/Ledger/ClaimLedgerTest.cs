using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Ledger;

public class ClaimLedgerTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task A_new_claim_bills_each_line_to_the_primary_payer()
    {
        var ledger = await Practice("opens");
        await ledger.OpenAccountAsync("A1");

        var claim = await ledger.OpenClaimAsync("C1", "A1");

        Assert.Equal("Ready", claim.Status);
        Assert.Equal([120.00m, 30.00m, 20.00m], claim.Lines.Select(l => l.Balance.Primary));
        Assert.Equal(new BalanceView(170.00m, 0m, 0m, 170.00m), claim.Balance);
        var opening = Assert.Single(claim.History);
        Assert.Equal(3, opening.Entries.Length);
        Assert.All(opening.Entries, e => Assert.Equal(LedgerEntryKind.Charge, e.Kind));
        Assert.Equal(LedgerFixture.User, opening.PostedBy);
    }

    [Fact]
    public async Task A_payer_payment_writes_off_the_contractual_amount_and_moves_coinsurance_to_the_patient()
    {
        var ledger = await Practice("pays");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");

        var receipt = await ledger.Claim("C1").PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-1"), LedgerFixture.User);

        Assert.Equal("PartiallyPaid", receipt.StatusAfter);
        Assert.Equal(new BalanceView(50.00m, 0m, 20.00m, 70.00m), receipt.BalanceAfter);
        var claim = await ledger.Claim("C1").Read();
        Assert.Equal(new TotalsView(170.00m, 80.00m, 0m, 20.00m, 0m, 70.00m), claim.Totals);
        Assert.Equal(new BalanceView(0m, 0m, 20.00m, 20.00m), claim.Lines[0].Balance);
    }

    [Fact]
    public async Task With_a_secondary_payer_the_coinsurance_moves_to_the_secondary_not_the_patient()
    {
        var ledger = await Practice("crossover");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1", primary: SampleLedger.Medicare, secondary: SampleLedger.Medicaid);

        var receipt = await ledger.Claim("C1").PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-1"), LedgerFixture.User);

        Assert.Equal(20.00m, receipt.BalanceAfter.Secondary);
        Assert.Equal(0m, receipt.BalanceAfter.Patient);
        var transfer = receipt.Posting.Entries.Single(e => e.Kind == LedgerEntryKind.Transfer);
        Assert.Equal((Party.Primary, Party.Secondary, "PR", "2"), (transfer.Party, transfer.ToParty!.Value, transfer.AdjustmentGroup!, transfer.ReasonCode!));
    }

    [Fact]
    public async Task Resending_a_posting_id_returns_the_original_receipt_and_posts_nothing_more()
    {
        var ledger = await Practice("resend");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        var payment = LedgerFixture.PrimaryPaysLineOne("ERA-7");

        var first = await ledger.Claim("C1").PostPayerPayment(payment, LedgerFixture.User);
        await ledger.Claim("C1").PostAdjustment(
            new PostAdjustment("ADJ-1", Party.Primary, 2, "CO", "45", 5.00m, new DateOnly(2026, 10, 21), "contract"), LedgerFixture.User);
        var again = await ledger.Claim("C1").PostPayerPayment(payment, LedgerFixture.User);

        Assert.Equal(LedgerFixture.Json(first), LedgerFixture.Json(again));
        var claim = await ledger.Claim("C1").Read();
        Assert.Equal(3, claim.Version);
        Assert.Equal(80.00m, claim.Totals.PayerPayments);
    }

    [Fact]
    public async Task Reusing_a_posting_id_for_a_different_posting_is_refused_loudly()
    {
        var ledger = await Practice("reuse");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        await ledger.OpenClaimAsync("C2", "A1");
        await ledger.Claim("C1").PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-9"), LedgerFixture.User);

        var sameClaim = await Assert.ThrowsAsync<ConflictException>(() => ledger.Claim("C1").PostPayerPayment(
            LedgerFixture.PrimaryPaysLineOne("ERA-9") with { PaymentDate = new DateOnly(2026, 10, 22) }, LedgerFixture.User));
        var otherClaim = await Assert.ThrowsAsync<ConflictException>(() => ledger.Claim("C2").PostPayerPayment(
            LedgerFixture.PrimaryPaysLineOne("ERA-9"), LedgerFixture.User));

        Assert.Contains("'ERA-9' was already used", sameClaim.Message, StringComparison.Ordinal);
        Assert.Contains("claim:reuse/C1", otherClaim.Message, StringComparison.Ordinal);
        Assert.Equal(170.00m, (await ledger.Claim("C2").Read()).Balance.Total);
    }

    [Fact]
    public async Task The_same_posting_sent_concurrently_posts_once()
    {
        var ledger = await Practice("concurrent");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        var payment = LedgerFixture.PrimaryPaysLineOne("ERA-C");

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ledger.Claim("C1").PostPayerPayment(payment, LedgerFixture.User)));

        Assert.Single(receipts.Select(LedgerFixture.Json).Distinct());
        Assert.Equal(2, (await ledger.Claim("C1").Read()).Version);
    }

    [Fact]
    public async Task A_reversal_and_its_correction_net_to_the_corrected_payment_and_both_stay_in_history()
    {
        var ledger = await Practice("reversal");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        var claim = ledger.Claim("C1");
        await claim.PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-1"), LedgerFixture.User);

        await claim.Reverse(new ReversePosting("ERA-2-REV", "ERA-1", new DateOnly(2026, 11, 2), "payer reprocessed"), LedgerFixture.User);
        var corrected = LedgerFixture.PrimaryPaysLineOne("ERA-2") with
        {
            Lines = [new LinePaid(1, 90.00m, [new CasAdjustment("CO", "45", 20.00m), new CasAdjustment("PR", "2", 10.00m)])],
        };
        await claim.PostPayerPayment(corrected, LedgerFixture.User);

        var view = await claim.Read();
        Assert.Equal(90.00m, view.Totals.PayerPayments);
        Assert.Equal(new BalanceView(50.00m, 0m, 10.00m, 60.00m), view.Balance);
        Assert.Equal(["Open", "PayerPayment", "Reversal", "PayerPayment"], view.History.Select(p => p.Operation));
        var again = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.Reverse(new ReversePosting("ERA-3-REV", "ERA-1", new DateOnly(2026, 11, 3), null), LedgerFixture.User));
        Assert.Contains("already reversed", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_postings_are_refused_with_the_field_and_the_numbers_and_change_nothing()
    {
        var ledger = await Practice("refused");
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        var claim = ledger.Claim("C1");
        var date = new DateOnly(2026, 10, 21);

        var noSuchLine = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.PostAdjustment(new PostAdjustment("X1", Party.Primary, 9, "CO", "45", 5.00m, date, null), LedgerFixture.User));
        var tooPrecise = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.PostAdjustment(new PostAdjustment("X2", Party.Primary, 1, "CO", "45", 5.005m, date, null), LedgerFixture.User));
        var badCodes = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.PostAdjustment(new PostAdjustment("X3", Party.Primary, 1, "XX", "4?5", 5.00m, date, null), LedgerFixture.User));
        var tooMuch = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.PostAdjustment(new PostAdjustment("X4", Party.Primary, 1, "CO", "45", 500.00m, date, null), LedgerFixture.User));
        var noCredit = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            claim.Refund(new RefundClaimCredit("X5", Party.Primary, 10.00m, null, date, null), LedgerFixture.User));

        Assert.Contains(noSuchLine.Errors, e => e.Field == "lineNumber" && e.Message.Contains("line 9 is not on", StringComparison.Ordinal));
        Assert.Contains(tooPrecise.Errors, e => e.Field == "amount" && e.Message.Contains("more than two decimal places", StringComparison.Ordinal));
        Assert.Equal(["group", "reason"], badCodes.Errors.Select(e => e.Field));
        Assert.Contains(tooMuch.Errors, e => e.Message.Contains("500.00 is more than the primary payer balance of 120.00 on line 1", StringComparison.Ordinal));
        Assert.Contains(noCredit.Errors, e => e.Field == "amount");
        Assert.Equal(1, (await claim.Read()).Version);
    }

    [Fact]
    public async Task Unknown_practice_account_or_claim_is_named_in_the_error()
    {
        var ledger = await Practice("unknowns");
        await ledger.OpenAccountAsync("A1");

        var noPractice = await Assert.ThrowsAsync<NotFoundException>(() =>
            cluster.Grains.GetGrain<IClaimGrain>("nowhere/C1").Open(SampleLedger.OfficeVisit("nowhere", "C1", "A1", LedgerFixture.ServiceDate), LedgerFixture.User));
        var noAccount = await Assert.ThrowsAsync<NotFoundException>(() => ledger.OpenClaimAsync("C1", "A404"));
        var noClaim = await Assert.ThrowsAsync<NotFoundException>(() => ledger.Claim("C404").Read());
        var wrongPractice = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            ledger.Claim("C2").Open(SampleLedger.OfficeVisit("someone-else", "C2", "A1", LedgerFixture.ServiceDate), LedgerFixture.User));

        Assert.Equal(("Practice", "nowhere"), (noPractice.Entity, noPractice.Id));
        Assert.Equal(("Account", "unknowns/A404"), (noAccount.Entity, noAccount.Id));
        Assert.Equal(("Claim", "unknowns/C404"), (noClaim.Entity, noClaim.Id));
        Assert.Contains("not the claim addressed", wrongPractice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_with_bad_charges_reports_every_field_and_is_not_created()
    {
        var ledger = await Practice("badclaim");
        await ledger.OpenAccountAsync("A1");
        var claim = SampleLedger.OfficeVisit("badclaim", "C1", "A1", LedgerFixture.ServiceDate);
        var broken = claim with
        {
            Lines =
            [
                claim.Lines[0] with { Charge = 0m },
                claim.Lines[1] with { Charge = -5m, Code = "9068" },
                claim.Lines[2] with { Charge = 10.001m, DiagnosisPointers = [3] },
            ],
        };

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => ledger.Claim("C1").Open(broken, LedgerFixture.User));

        Assert.Equal(
            ["lines[0].charge", "lines[1].code", "lines[1].charge", "lines[2].charge", "lines[2].diagnosisPointers"],
            error.Errors.Select(e => e.Field));
        await Assert.ThrowsAsync<NotFoundException>(() => ledger.Claim("C1").Read());
    }

    private async Task<LedgerFixture> Practice(string practiceId)
    {
        var ledger = new LedgerFixture(cluster, practiceId);
        await ledger.RegisterPracticeAsync();
        return ledger;
    }
}
