namespace ArCluster.Simulation;

/// <summary>How far a run has got, reported once per simulated day.</summary>
public sealed record SimulationProgress(DateOnly Day, long Claims, int RemittanceFiles, int RemittanceTransactions, int BankFiles);
