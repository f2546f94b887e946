namespace ArCluster.Simulation.Deposits;

/// <summary>One account's day at the bank: its ledger balance before the day and the credits posted, each with the bank's reference.</summary>
internal sealed record AccountDay(string PracticeId, string AccountNumber, decimal Opening, IReadOnlyList<(Deposit Deposit, string BankReference)> Credits)
{
    public decimal Closing => Opening + Credits.Sum(c => c.Deposit.Amount);
}

/// <summary>The accounts one bank reports for a day (a BAI2 group).</summary>
internal sealed record BankGroup(string RoutingNumber, IReadOnlyList<AccountDay> Accounts);
