namespace ArCluster.Simulation.Remittances;

/// <summary>One PLB reason:reference and amount; positive reduces the payment, negative increases it.</summary>
internal readonly record struct ProviderAdjustment(string Reason, string Reference, decimal Amount);
