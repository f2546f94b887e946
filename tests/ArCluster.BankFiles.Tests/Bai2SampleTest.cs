using System.Globalization;
using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>The sample bank file: two banks' groups, three accounts, EFTs, checks, a wire, debits and a notice.</summary>
public class Bai2SampleTest
{
    private static readonly DateOnly March14 = new(2025, 3, 14);
    private static readonly DateOnly March17 = new(2025, 3, 17);

    private static AcceptedDepositFile Sample() => Accepted(DepositFile.Read(SamplePath(SampleBai2)));

    [Fact]
    public void Every_credit_is_a_deposit_and_no_debit_is()
    {
        var file = Sample();

        Assert.Equal(DepositFileFormat.Bai2, file.Format);
        Assert.Equal(SamplePath(SampleBai2), file.Path);
        Assert.Equal<BankDeposit>(
            [
                new BankDeposit("4387561290", null, March14, 1523.40m, DepositMethod.Ach, "883520915", "1411289245", "250314009381", 5),
                new BankDeposit("4387561290", null, March14, 987.10m, DepositMethod.Ach, "EFT20250314A7731", "1066033492", "250314009412", 8),
                new BankDeposit("4387561290", null, March14, 4125.00m, DepositMethod.Check, "0004471", null, "250314CK0033", 10),
                new BankDeposit("4387561290", null, March14, 4828.72m, DepositMethod.Wire, "BCBS-0314-22", null, "FW2503140017", 12),
                new BankDeposit("5521009876", null, March17, 712.50m, DepositMethod.Ach, "CIG0099817", "1591234567", "250314009500", 17),
                new BankDeposit("5521009876", null, March14, 0.12m, DepositMethod.Other, "250314INT001", null, "250314INT001", 19),
                new BankDeposit("0098812234", null, March17, 640.00m, DepositMethod.Check, "10093", null, "DEP0317-004", 24),
                new BankDeposit("0098812234", null, March17, 2334.15m, DepositMethod.Ach, "7700123456789", "1610647538", "CHA0317ACH77", 25),
            ],
            file.Deposits);
        Assert.Equal(15150.99m, file.Total);
    }

    [Fact]
    public void An_EFT_is_matched_on_its_TRN_trace_even_when_the_TRN_sits_in_an_88_continuation()
    {
        var deposit = Sample().Deposits.Single(d => d.Line == 5);

        Assert.Equal("883520915", deposit.Reference);
        Assert.Equal("1411289245", deposit.PayerTaxId);
    }

    [Fact]
    public void A_TRN_the_bank_wrapped_mid_number_onto_an_88_is_joined_back_together()
    {
        var deposit = Sample().Deposits.Single(d => d.Line == 8);

        Assert.Equal("EFT20250314A7731", deposit.Reference);
        Assert.Equal("1066033492", deposit.PayerTaxId);
    }

    [Fact]
    public void A_check_deposit_is_matched_on_the_check_number_in_the_customer_reference()
    {
        var deposit = Sample().Deposits.Single(d => d.Line == 10);

        Assert.Equal(DepositMethod.Check, deposit.Method);
        Assert.Equal("0004471", deposit.Reference);
        Assert.Null(deposit.PayerTaxId);
    }

    [Fact]
    public void A_value_date_on_the_credit_wins_over_the_groups_as_of_date()
    {
        Assert.Equal(March17, Sample().Deposits.Single(d => d.Line == 17).DepositDate);
    }

    [Fact]
    public void Amounts_are_dollars_with_exactly_two_decimals()
    {
        var amounts = Sample().Deposits.Select(d => d.Amount.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(["1523.40", "987.10", "4125.00", "4828.72", "712.50", "0.12", "640.00", "2334.15"], amounts);
    }

    [Fact]
    public void The_BAI_specifications_own_example_balances_but_its_lockbox_credits_cannot_be_reassociated()
    {
        // Group 1 of the example in the BAI2 specification (03 status amounts signed and continued on
        // 88s, funds type S), closed with a file trailer. Its trailers add up; what stops it is that
        // neither lockbox credit carries a reference to match a remittance on.
        var text = string.Join("\n",
            "01,122099999,123456789,040621,0200,1,65,,2/",
            "02,031001234,122099999,1,040620,2359,,2/",
            "03,0123456789,,010,+4350000,,,040,2830000,,/",
            "88,072,1020000,,,074,500000,,/",
            "16,115,450000,S,100000,200000,150000,,,/",
            "49,9150000,4/",
            "03,9876543210,,010,-500000,,,100,1000000,,,400,2000000,,,190/",
            "88,500000,,,110,1000000,,,072,500000,,,074,500000,,,040/",
            "88,-1500000,,/",
            "16,115,500000,S,,200000,300000,,,LOCK BOX NO.68751",
            "49,4000000,5/",
            "98,13150000,2,11/",
            "99,13150000,1,13/");

        Assert.Equal(
            "line 5 (16 record): credit of 4500.00 (type code 115) has no reference: no TRN in its text, no customer reference number and no bank reference number, so it cannot be matched to a remittance; ask the bank for its trace or check number\n"
            + "line 10 (16 record): credit of 5000.00 (type code 115) has no reference: no TRN in its text, no customer reference number and no bank reference number, so it cannot be matched to a remittance; ask the bank for its trace or check number",
            Errors(text));
    }
}
