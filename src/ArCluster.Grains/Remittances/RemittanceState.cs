using ArCluster.Abstractions.Remittances;

namespace ArCluster.Grains.Remittances;

[GenerateSerializer, Alias("arcluster.RemittanceState")]
public sealed class RemittanceState
{
    /// <summary>SHA-256 (hex) of the transaction's content, file name and position excluded.</summary>
    [Id(0)]
    public string? ContentHash { get; set; }

    [Id(1)]
    public string? SourceFile { get; set; }

    /// <summary>Set once every claim payment and the provider adjustments are posted.</summary>
    [Id(2)]
    public RemittanceReport? Report { get; set; }

    /// <summary>The transaction as posted, so claim payments left unapplied can be posted when their claims appear.</summary>
    [Id(3)]
    public RemittanceSubmission? Submission { get; set; }

    /// <summary>What each claim payment came to, in transaction order.</summary>
    [Id(4)]
    public ClaimRemittanceResult[] Results { get; set; } = [];
}
