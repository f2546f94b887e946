namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// What a BAI2 type code says about money: 001–099 are account status (balances, in 03 records only),
/// 100–399 credits, 400–699 debits, 700–799 loan detail, 890 non-monetary, 900–999 bank-defined.
/// Only credits can be deposits; every amount, whatever its code, counts in the control totals.
/// </summary>
internal static class Bai2TypeCodes
{
    public static bool IsCredit(int code) => code is >= 100 and <= 399;

    /// <summary>
    /// How the credit arrived. ACH codes are where 835 EFTs land (165 preauthorized ACH credit and 169
    /// miscellaneous ACH credit are the usual ones); lockbox and deposit codes carry paper checks.
    /// </summary>
    public static DepositMethod MethodOf(int code) => code switch
    {
        // 142 ACH credit received, 143 item in ACH deposit, 145 ACH concentration credit, 147 individual
        // bank card deposit (settled by ACH), 155 preauthorized draft credit, 156 item in PAC deposit,
        // 164 corporate trade payment credit, 165 preauthorized ACH credit, 166 ACH settlement, 169 miscellaneous ACH credit.
        142 or 143 or 145 or 147 or 155 or 156 or 164 or 165 or 166 or 169 => DepositMethod.Ach,

        // 115 lockbox deposit, 116 item in lockbox deposit, 175 check deposit package, 301 commercial deposit.
        115 or 116 or 175 or 301 => DepositMethod.Check,

        // 195 incoming money transfer, 196 money transfer adjustment, 206 book transfer credit, 208 international money transfer credit.
        195 or 196 or 206 or 208 => DepositMethod.Wire,

        _ => DepositMethod.Other,
    };
}
