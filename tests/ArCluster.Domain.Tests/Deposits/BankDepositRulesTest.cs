using ArCluster.Domain.Deposits;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Tests.Deposits;

/// <summary>A deposit as a bank file or a person gives it: every bad field reported at once, and one identity however many reports list it.</summary>
public class BankDepositRulesTest
{
    private static readonly DateOnly Monday = new(2025, 3, 17);

    private static (BankDeposit? Deposit, Violations Violations) Check(
        string? practice = "riverside",
        decimal amount = 1250.00m,
        string? method = "Ach",
        string? reference = "1EFT0001",
        string? payer = "1512345678",
        string? account = "000123456789",
        string? bankReference = "BAI-0042",
        DateOnly? date = null)
    {
        var violations = new Violations();
        var deposit = BankDepositRules.Check(practice, date ?? Monday, amount, method, reference, payer, account, bankReference, violations);
        return (deposit, violations);
    }

    private static BankDeposit Valid(
        decimal amount = 1250.00m, string? method = "Ach", string? reference = "1EFT0001", string? payer = "1512345678", string? account = "000123456789", string? bankReference = "BAI-0042", DateOnly? date = null)
    {
        var (deposit, violations) = Check(amount: amount, method: method, reference: reference, payer: payer, account: account, bankReference: bankReference, date: date);
        Assert.Empty(violations.Items);
        return Assert.IsType<BankDeposit>(deposit);
    }

    [Fact]
    public void A_good_EFT_credit_becomes_a_deposit_with_its_fields_cleaned()
    {
        var deposit = Valid(method: "ach", reference: " 0001eft0001 ", payer: " 1512345678 ", account: "   ", bankReference: null);

        Assert.Equal(
            ("riverside", Monday, Money.Of(1250m), DepositMethod.Ach, "1EFT0001", (string?)"1512345678", (string?)null, (string?)null),
            (deposit.PracticeId.Value, deposit.DepositDate, deposit.Amount, deposit.Method, deposit.Reference, deposit.PayerId, deposit.BankAccount, deposit.BankReference));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var (deposit, violations) = Check(practice: "Riverside Clinic", amount: 0m, method: "cash", reference: "");

        Assert.Null(deposit);
        Assert.Equal(["practice", "amount", "method", "reference"], violations.Items.Select(v => v.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-125.50)]
    public void A_deposit_that_is_not_a_positive_amount_is_refused_and_a_return_is_a_reversal(decimal amount)
    {
        var (deposit, violations) = Check(amount: amount);

        Assert.Null(deposit);
        var violation = Assert.Single(violations.Items);
        Assert.Equal("amount", violation.Field);
        Assert.Contains("reversal", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100.005)]
    [InlineData(0.001)]
    public void An_amount_in_fractions_of_a_cent_is_refused(decimal amount)
    {
        var (deposit, violations) = Check(amount: amount);

        Assert.Null(deposit);
        Assert.Contains("more than two decimal places", Assert.Single(violations.Items, v => v.Field == "amount").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_beyond_what_the_ledger_holds_is_refused()
    {
        var (deposit, violations) = Check(amount: 1_000_000_000_000.00m);

        Assert.Null(deposit);
        Assert.Equal("amount", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData("Ach", DepositMethod.Ach)]
    [InlineData("CHECK", DepositMethod.Check)]
    [InlineData("wire", DepositMethod.Wire)]
    [InlineData("Other", DepositMethod.Other)]
    public void The_method_is_read_without_regard_to_case(string method, DepositMethod expected)
    {
        Assert.Equal(expected, Valid(method: method).Method);
    }

    [Theory]
    [InlineData("Cash")]
    [InlineData("EFT ")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_method_is_refused_with_the_methods_there_are(string? method)
    {
        var (deposit, violations) = Check(method: method);

        Assert.Null(deposit);
        var violation = Assert.Single(violations.Items);
        Assert.Equal("method", violation.Field);
        Assert.Contains("Ach, Check, Wire or Other", violation.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Only a method's name is a method: <c>Enum.TryParse</c> would also take numbers and
    /// comma-separated flag lists, recording "2" as a wire and "Ach,Check" as a check.
    /// </summary>
    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("Ach,Check")]
    public void A_method_given_as_a_number_or_a_list_is_not_a_deposit_method(string method)
    {
        var (deposit, violations) = Check(method: method);

        Assert.Null(deposit);
        Assert.Equal("method", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TRN 123")]
    [InlineData("123#4")]
    [InlineData("1EFT/0001")]
    [InlineData("CHÈQUE1")]
    public void A_deposit_without_a_usable_trace_or_check_number_is_refused(string? reference)
    {
        var (deposit, violations) = Check(reference: reference);

        Assert.Null(deposit);
        var violation = Assert.Single(violations.Items);
        Assert.Equal("reference", violation.Field);
        Assert.Contains("cannot be matched to its 835", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_of_fifty_characters_is_taken_and_one_more_is_refused()
    {
        Assert.Equal(50, Valid(reference: new string('7', 50)).Reference.Length);

        var (deposit, violations) = Check(reference: new string('7', 51));

        Assert.Null(deposit);
        Assert.Equal("reference", Assert.Single(violations.Items).Field);
    }

    [Fact]
    public void Leading_zeros_do_not_count_towards_the_reference_length()
    {
        Assert.Equal("7", Valid(reference: new string('0', 60) + "7").Reference);
    }

    [Fact]
    public void A_check_numbered_zero_keeps_a_reference()
    {
        Assert.Equal("0", Valid(method: "Check", reference: "0000").Reference);
    }

    [Fact]
    public void One_date_trace_and_amount_is_one_deposit_whichever_report_lists_it()
    {
        var priorDay = Valid(method: "Ach", reference: "1EFT0001", payer: "1512345678", account: "000123456789", bankReference: "BAI-0042");
        var csvExport = Valid(method: "Other", reference: " 0001eft0001", payer: null, account: null, bankReference: "ROW-17");
        var currentDay = Valid(method: "Wire", reference: "1EFT0001", payer: "9999999999", account: "999", bankReference: null);

        Assert.Equal(priorDay.PostingId, csvExport.PostingId);
        Assert.Equal(priorDay.PostingId, currentDay.PostingId);
    }

    [Fact]
    public void Another_amount_another_day_or_another_trace_is_another_deposit()
    {
        var deposit = Valid();

        Assert.NotEqual(deposit.PostingId, Valid(amount: 1250.01m).PostingId);
        Assert.NotEqual(deposit.PostingId, Valid(date: Monday.AddDays(1)).PostingId);
        Assert.NotEqual(deposit.PostingId, Valid(reference: "1EFT0002").PostingId);
    }

    [Fact]
    public void A_deposit_id_is_derived_so_it_can_never_collide_with_an_id_a_caller_chose()
    {
        var id = Valid().PostingId.Value;

        Assert.Equal("deposit:2025-03-17:1EFT0001:125000", id);
        Assert.False(PostingId.TryParse(id, out _, out _));
        Assert.True(PostingId.TryRestore(id, out var restored, out _));
        Assert.Equal(id, restored.Value);
    }

    /// <summary>
    /// A reference starting with '-' or '.' (also once leading zeros go: "0-12" → "-12") is refused:
    /// every part of a derived posting id must start with a letter or digit, or the deposit's stored
    /// posting id would fail <see cref="PostingId.TryRestore"/> and its payload could not be read back.
    /// </summary>
    [Theory]
    [InlineData("-12")]
    [InlineData("0-12")]
    [InlineData(".5")]
    public void Every_deposit_the_rules_accept_has_a_posting_id_that_can_be_read_back(string reference)
    {
        var (deposit, violations) = Check(reference: reference);

        if (deposit is not null)
        {
            Assert.True(PostingId.TryRestore(deposit.PostingId.Value, out _, out var error), error);
        }
        else
        {
            Assert.Equal("reference", Assert.Single(violations.Items).Field);
        }
    }
}
