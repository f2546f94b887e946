namespace ArCluster.Domain.Deposits;

public enum DepositMethod
{
    Ach,
    Check,
    Wire,
    Other,
}
