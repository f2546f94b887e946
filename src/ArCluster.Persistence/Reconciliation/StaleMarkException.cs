namespace ArCluster.Persistence.Reconciliation;

/// <summary>Another copy of the consumer moved the practice's mark first: this copy's totals are stale and must be reloaded.</summary>
public sealed class StaleMarkException(string consumer, string practiceId)
    : Exception($"The {consumer} mark of practice '{practiceId}' moved under this copy; reload it.");
