namespace ArCluster.Domain.Accounts;

/// <summary>How a patient paid.</summary>
public enum PaymentMethod
{
    Cash,
    Check,
    Card,
    Ach,
    Other,
}
