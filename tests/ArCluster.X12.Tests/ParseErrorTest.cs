using ArCluster.X12.Remittance;
using static ArCluster.X12.Tests.TestData.X12Text;

namespace ArCluster.X12.Tests;

/// <summary>Malformed 835 content is rejected with the segment number, id and element at fault.</summary>
public class ParseErrorTest
{
    // Segment numbers in Interchange(ManagedCareBody): ST 3, BPR 4, TRN 5, DTM 6, N1*PR 7, N3 8, N4 9,
    // N1*PE 10, REF 11, LX 12, CLP 13, CAS 14, NM1 15, SVC 16, DTM 17, DTM 18, CAS 19, CLP 20, ...
    private static string Errors(string wrong, string right)
    {
        Assert.Contains(wrong, ManagedCareBody, StringComparison.Ordinal);
        var rejected = Rejected(Assert.Single(Read(Interchange(ManagedCareBody.Replace(wrong, right, StringComparison.Ordinal)))));
        Assert.Null(rejected.ParsedAdvice);
        return string.Join("\n", rejected.Errors);
    }

    [Fact]
    public void A_letter_in_an_amount_is_named_with_its_element()
    {
        Assert.Equal(
            "segment 13 (CLP), element 4: CLP04 (claim payment amount) '45O.00' is not a valid amount: use digits with an optional leading '-' and one '.', e.g. 125.50",
            Errors("*800.00*450.00*", "*800.00*45O.00*"));
    }

    [Fact]
    public void Fractions_of_a_cent_are_rejected_not_rounded()
    {
        Assert.Equal(
            "segment 16 (SVC), element 2: SVC02 (line item charge) '800.005' has more than 2 decimal places; amounts are whole cents",
            Errors("SVC*HC:99211*800.00*", "SVC*HC:99211*800.005*"));
    }

    [Fact]
    public void A_missing_patient_control_number_is_named()
    {
        Assert.Equal(
            "segment 13 (CLP), element 1: CLP01 (patient control number) is required but empty",
            Errors("CLP*5554555444*", "CLP**"));
    }

    [Fact]
    public void A_missing_total_payment_is_named()
    {
        Assert.Equal(
            "segment 4 (BPR), element 2: BPR02 (total actual provider payment) is required but empty",
            Errors("BPR*I*945.00*", "BPR*I**"));
    }

    [Fact]
    public void An_unknown_payment_method_lists_the_valid_ones()
    {
        Assert.Equal(
            "segment 4 (BPR), element 4: BPR04 (payment method code) 'CASH' is not one of ACH, BOP, CHK, FWT, NON",
            Errors("*C*ACH*", "*C*CASH*"));
    }

    [Fact]
    public void A_service_line_before_any_claim_is_out_of_place()
    {
        Assert.Equal(
            "segment 12 (SVC): SVC is out of place in the header number loop 2000 (LX at segment 12): SVC (service payment, loop 2110) must follow a CLP"
                .Replace("segment 12 (SVC)", "segment 13 (SVC)", StringComparison.Ordinal),
            Errors("LX*1~", "LX*1~\nSVC*HC:99211*1.00*1.00~").Split('\n')[0]);
    }

    [Fact]
    public void A_claim_adjustment_in_the_payee_loop_is_out_of_place()
    {
        Assert.Equal(
            "segment 12 (CAS): CAS is out of place in the payee loop 1000B (N1*PE at segment 10): CAS must follow a CLP (claim adjustment) or an SVC (service line adjustment)",
            Errors("REF*TJ*777667755~", "REF*TJ*777667755~\nCAS*CO*45*1.00~"));
    }

    [Fact]
    public void A_claim_level_segment_after_the_service_lines_is_out_of_place()
    {
        Assert.Equal(
            "segment 20 (MOA): MOA is out of place in service line loop 2110 (SVC at segment 16): MOA belongs to a claim, between CLP and its first SVC",
            Errors("CAS*PR*1*300.00~", "CAS*PR*1*300.00~\nMOA***MA01~"));
    }

    [Fact]
    public void Claims_after_the_provider_adjustments_are_out_of_place()
    {
        var text = ManagedCareBody.Replace("CLP*8765432112", "PLB*5544667733*20021231*WO*0~\nCLP*8765432112", StringComparison.Ordinal);

        var errors = Rejected(Assert.Single(Read(Interchange(text)))).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal("segment 21 (CLP): CLP is out of place in the provider adjustments that end the transaction set (PLB at segment 20): CLP (claim payment, loop 2100) must follow the payee loop (N1*PE), an LX or another claim, and come before any PLB", errors[0]);
    }

    [Fact]
    public void A_segment_that_is_not_part_of_an_835_is_named()
    {
        Assert.Equal(
            "segment 16 (SV1): SV1 is not a segment of the 835 (005010X221A1)",
            Errors("SVC*HC:99211*800.00*500.00~", "SV1*HC:99211*800.00*UN*1~").Split('\n')[0]);
    }

    [Fact]
    public void A_transaction_set_that_does_not_begin_with_BPR_says_so()
    {
        var errors = Errors("BPR*I*945.00*C*ACH*CCP*01*888999777*DA*24681012*1935665544**01*111333555*DA*144444*20020316~", "");

        Assert.Equal(
            "segment 4 (TRN): the 835 must begin with BPR right after ST; found TRN\nsegment 3 (ST): BPR (financial information) is required as the first segment after ST",
            errors);
    }

    [Fact]
    public void A_missing_payee_loop_is_named()
    {
        var errors = Errors("N1*PE*ACME MEDICAL CENTER*XX*5544667733~", "");

        Assert.Equal(
            "segment 11 (LX): LX is out of place in the payer loop 1000A (N1*PR at segment 7): LX (header number, loop 2000) must follow the payee loop (N1*PE) or a claim, and come before any PLB\n" +
            "segment 3 (ST): the payee identification loop 1000B (N1*PE) is required",
            errors);
    }

    [Fact]
    public void A_CAS_amount_without_a_reason_is_named()
    {
        Assert.Equal(
            "segment 14 (CAS), element 2: CAS02 (claim adjustment reason code) is required but empty",
            Errors("CAS*CO*A2*50.00~", "CAS*CO**50.00~"));
    }

    [Fact]
    public void An_unknown_adjustment_group_is_named()
    {
        Assert.Equal(
            "segment 14 (CAS), element 1: CAS01 (claim adjustment group code) 'CR' is not one of CO, OA, PI, PR",
            Errors("CAS*CO*A2*50.00~", "CAS*CR*A2*50.00~"));
    }

    [Fact]
    public void An_impossible_service_date_is_named()
    {
        Assert.Equal(
            "segment 17 (DTM), element 2: DTM02 (service period start) '20020230' is not a date: use CCYYMMDD, e.g. 20240131",
            Errors("DTM*150*20020301~", "DTM*150*20020230~"));
    }

    [Fact]
    public void A_repeated_line_control_number_is_named()
    {
        Assert.Equal(
            "segment 21 (REF): REF*6R (line item control number) is repeated in service line loop 2110 (SVC at segment 16); it may appear once",
            Errors("CAS*PR*1*300.00~", "CAS*PR*1*300.00~\nREF*6R*A1~\nREF*6R*A2~"));
    }

    [Fact]
    public void A_composite_with_a_bad_qualifier_is_named_by_component()
    {
        var errors = Errors("SVC*HC:99211*", "SVC*ZZ:99211*");

        Assert.Equal("segment 16 (SVC), element 1, component 1: SVC01-1 (product/service id qualifier) 'ZZ' in composite 'ZZ:99211' is not one of AD, ER, HC, HP, IV, N4, N6, NU, WK", errors);
    }

    [Fact]
    public void A_malformed_segment_id_is_a_syntax_error_of_its_transaction_set()
    {
        var rejected = Rejected(Assert.Single(Read(Interchange(ManagedCareBody.Replace("NM1*QC*1*BUDD", "nm1*QC*1*BUDD", StringComparison.Ordinal)))));

        var syntax = rejected.Errors.First();
        Assert.Equal(X12ErrorKind.Syntax, syntax.Kind);
        Assert.StartsWith("segment 15: 'nm1' is not a segment id", syntax.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Six_reason_triplets_in_one_CAS_and_six_PLB_items_are_all_read()
    {
        var body = ManagedCareBody
            .Replace("CAS*CO*A2*50.00~", "CAS*CO*A2*10.00*1*45*10.00**97*10.00**B7*10.00**253*5.00**16*5.00*2.5~", StringComparison.Ordinal)
            .Replace("BPR*I*945.00*", "BPR*I*924.00*", StringComparison.Ordinal)
            + "PLB*5544667733*20021231*WO:A1*10.00*L6*-2.00*FB:X*3.00*72*4.00*CS*5.00*J1*1.00~";

        var advice = Accepted(Assert.Single(Read(Interchange(body))));

        var adjustments = advice.Claims[0].Adjustments;
        Assert.Equal(6, adjustments.Length);
        Assert.Equal(new ClaimAdjustment("CO", "16", 5.00m, 2.5m, 14), adjustments[5]);
        Assert.Equal(1m, adjustments[0].Quantity);
        var plb = Assert.Single(advice.ProviderAdjustments);
        Assert.Equal<ProviderAdjustmentItem>(
            [new("WO", "A1", 10.00m), new("L6", null, -2.00m), new("FB", "X", 3.00m), new("72", null, 4.00m), new("CS", null, 5.00m), new("J1", null, 1.00m)],
            plb.Items);
    }

    [Fact]
    public void Parse_errors_stop_at_a_hundred_and_say_how_many_more()
    {
        var body = ManagedCareBody + string.Concat(Enumerable.Repeat("ZZZ*1~", 150));

        var errors = Rejected(Assert.Single(Read(Interchange(body)))).Errors;

        Assert.Equal(101, errors.Length);
        Assert.Equal("… and 50 more problems in this transaction set", errors[^1].Message);
    }
}
