using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// The reassociation rule for a BAI2 credit: what an 835 will be matched on. An EFT is matched on the
/// TRN02 its payer sent in the ACH addenda, which the bank copies into the 16 record's text; a check on
/// its number, which the bank reports as the customer reference number. Failing both, the customer
/// reference, then the bank's own reference, is the best a person has to go on.
/// </summary>
internal static class Bai2Credit
{
    /// <summary>
    /// The deposit a credit 16 record makes, or null: when it moves no money (a zero-dollar prenote),
    /// or when it cannot be one (reported in <paramref name="errors"/>).
    /// </summary>
    public static BankDeposit? ToDeposit(Bai2Detail detail, int code, string accountNumber, string? currency, DateOnly? asOfDate, ErrorList errors)
    {
        var amount = detail.AmountField;
        if (!detail.AmountPresent)
        {
            errors.Add(amount.Line, Bai2Detail.Record, $"credit (type code {code}) has no amount", "amount");
            return null;
        }

        if (!detail.AmountReadable)
        {
            return null;
        }

        if (detail.Cents < 0)
        {
            errors.Add(amount.Line, Bai2Detail.Record, $"amount '{amount.Value}' is negative, but type code {code} is a credit", "amount");
            return null;
        }

        // An ACH prenote or a notice: no money moved, nothing to reassociate.
        if (detail.Cents == 0)
        {
            return null;
        }

        var dollars = Cents.Format(detail.Cents);
        // BAI2 defaults the currency to USD; other currencies imply other decimals and never pay an 835.
        currency ??= "USD";
        if (!currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(detail.Line, Bai2Detail.Record, $"credit of {dollars} is in currency '{currency}'; only US dollar deposits can be matched to 835 payments", "currency");
            return null;
        }

        var method = Bai2TypeCodes.MethodOf(code);
        ReassociationTrace? trace = null;
        if (method != DepositMethod.Check)
        {
            trace = ReassociationTrace.Find(detail.Text);
            if (trace is { HasTraceNumber: false })
            {
                // Falling back to another reference would match the money to the wrong 835, or to none, silently.
                errors.Add(trace.Line, Bai2Detail.Record, $"the text has a TRN segment ('{trace.Segment}') with no trace number (TRN02), so the deposit cannot be matched to its 835", "text");
                return null;
            }
        }

        var reference = trace?.TraceNumber ?? detail.CustomerReference ?? detail.BankReference;
        if (reference is null)
        {
            errors.Add(detail.Line, Bai2Detail.Record,
                $"credit of {dollars} (type code {code}) has no reference: no TRN in its text, no customer reference number and no bank reference number, so it cannot be matched to a remittance; ask the bank for its trace or check number",
                "reference");
            return null;
        }

        // A missing or unreadable as-of date is reported on the 02 record.
        if ((detail.ValueDate ?? asOfDate) is not { } date)
        {
            return null;
        }

        return new BankDeposit(
            accountNumber.Length > 0 ? accountNumber : null,
            PracticeId: null,
            date,
            Cents.ToDollars(detail.Cents),
            method,
            reference,
            trace?.PayerId,
            detail.BankReference,
            detail.Line);
    }
}
