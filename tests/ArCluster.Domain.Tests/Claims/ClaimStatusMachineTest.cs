using ArCluster.Domain.Claims;

namespace ArCluster.Domain.Tests.Claims;

public class ClaimStatusMachineTest
{
    public static TheoryData<ClaimStatus, ClaimStatus> Allowed => new()
    {
        { ClaimStatus.Draft, ClaimStatus.Ready },
        { ClaimStatus.Ready, ClaimStatus.Submitted },
        { ClaimStatus.Ready, ClaimStatus.Draft },
        { ClaimStatus.Submitted, ClaimStatus.Accepted },
        { ClaimStatus.Submitted, ClaimStatus.Rejected },
        { ClaimStatus.Accepted, ClaimStatus.Paid },
        { ClaimStatus.Accepted, ClaimStatus.Denied },
        { ClaimStatus.Rejected, ClaimStatus.Corrected },
        { ClaimStatus.Corrected, ClaimStatus.Submitted },
        { ClaimStatus.Denied, ClaimStatus.Appealed },
        { ClaimStatus.Appealed, ClaimStatus.PartiallyPaid },
        { ClaimStatus.PartiallyPaid, ClaimStatus.Paid },
        { ClaimStatus.Ready, ClaimStatus.Paid }, // a paper claim paid before ArCluster saw it submitted
    };

    public static TheoryData<ClaimStatus, ClaimStatus> Refused => new()
    {
        { ClaimStatus.Draft, ClaimStatus.Submitted }, // unscrubbed claims are never billed
        { ClaimStatus.Rejected, ClaimStatus.Paid }, // a rejection never reached adjudication
        { ClaimStatus.Rejected, ClaimStatus.Appealed }, // a rejection is corrected, not appealed
        { ClaimStatus.Accepted, ClaimStatus.Submitted },
        { ClaimStatus.Corrected, ClaimStatus.Paid },
        { ClaimStatus.Ready, ClaimStatus.Ready },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Billing_life_cycle_moves_are_allowed(ClaimStatus from, ClaimStatus to) => Assert.True(ClaimStatusMachine.CanMove(from, to));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Moves_that_skip_or_undo_a_step_are_refused(ClaimStatus from, ClaimStatus to) => Assert.False(ClaimStatusMachine.CanMove(from, to));

    [Fact]
    public void Nobody_can_close_a_claim_or_reopen_it_by_hand()
    {
        Assert.All(Enum.GetValues<ClaimStatus>(), from => Assert.False(ClaimStatusMachine.CanMove(from, ClaimStatus.Closed)));
        Assert.Empty(ClaimStatusMachine.NextFrom(ClaimStatus.Closed));
    }

    [Fact]
    public void Every_status_has_rules_and_next_from_agrees_with_can_move()
    {
        foreach (var from in Enum.GetValues<ClaimStatus>())
        {
            foreach (var to in Enum.GetValues<ClaimStatus>())
            {
                Assert.Equal(ClaimStatusMachine.CanMove(from, to), ClaimStatusMachine.NextFrom(from).Contains(to));
            }
        }
    }

    [Fact]
    public void Adjudication_may_arrive_again_after_an_appeal_or_a_correction_is_resubmitted()
    {
        ClaimStatus[] adjudicated = [ClaimStatus.Paid, ClaimStatus.PartiallyPaid, ClaimStatus.Denied];
        Assert.All(adjudicated, to => Assert.True(ClaimStatusMachine.CanMove(ClaimStatus.Appealed, to)));
        Assert.All(adjudicated, from => Assert.True(ClaimStatusMachine.CanMove(from, ClaimStatus.Corrected)));
        Assert.Equal([ClaimStatus.Submitted], ClaimStatusMachine.NextFrom(ClaimStatus.Corrected));
    }
}
