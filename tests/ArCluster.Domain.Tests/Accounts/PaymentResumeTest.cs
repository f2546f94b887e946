using ArCluster.Domain.Accounts;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Tests.TestData;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Accounts;

/// <summary>A payment step cut short by a crash is finished with the claim and amount it started with.</summary>
public class PaymentResumeTest
{
    [Fact]
    public void A_step_started_on_one_claim_is_finished_there_before_any_other_claim_is_visited()
    {
        var account = AccountBuilder.Open();
        var older = ClaimIdOf("C-OLD");
        var newer = ClaimIdOf("C-NEW");
        account.Post(account.AttachClaim(Context("attach-old"), older, Today.AddDays(-60)));
        account.Post(account.AttachClaim(Context("attach-new"), newer, Today.AddDays(-30)));
        account.Post(account.ReceivePayment(Context("P7"), AccountBuilder.Receipt(100m)));
        var payment = account.Payment("P7")!;

        // The older claim owed nothing, the newer one took the whole 100.00 — and the silo died
        // before the account recorded it.
        account.Post(account.StartApplication(payment, older, Usd(100m), Now, "poster"));
        account.Post(account.RecordApplication(payment, older, Money.Zero, Now, "poster"));
        account.Post(account.StartApplication(payment, newer, Usd(100m), Now, "poster"));

        Assert.Equal((newer, Usd(100m)), payment.PendingApplication);
        Assert.Equal([], account.ClaimsToApply(payment).Where(c => c == older));

        account.Post(account.RecordApplication(payment, newer, Usd(100m), Now, "poster"));
        Assert.Null(payment.PendingApplication);
        Assert.Equal(Money.Zero, payment.Unapplied);
        Assert.Empty(account.ClaimsToApply(payment));
        Assert.Equal([newer], payment.Applications.Where(a => a.Amount.IsPositive).Select(a => a.Claim));
    }

    private static ClaimId ClaimIdOf(string raw) => ClaimId.TryParse(raw, out var id, out var error) ? id : throw new ArgumentException(error);
}
