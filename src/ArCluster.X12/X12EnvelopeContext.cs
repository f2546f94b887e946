namespace ArCluster.X12;

/// <summary>
/// Where a transaction set sits in its file: interchange (ISA), functional group (GS) and its own ST.
/// Fields are null when the structure is absent (e.g. a group-level problem has no ST).
/// </summary>
public sealed record X12EnvelopeContext
{
    /// <summary>ISA13 interchange control number.</summary>
    public string? InterchangeControlNumber { get; init; }

    /// <summary>ISA06 interchange sender id, trimmed.</summary>
    public string? InterchangeSenderId { get; init; }

    /// <summary>ISA08 interchange receiver id, trimmed.</summary>
    public string? InterchangeReceiverId { get; init; }

    /// <summary>ISA15 usage indicator: P production, T test.</summary>
    public string? UsageIndicator { get; init; }

    /// <summary>GS01 functional identifier code (HP for 835, HC for 837, FA for 999, HN for 277).</summary>
    public string? FunctionalIdentifierCode { get; init; }

    /// <summary>GS06 group control number.</summary>
    public string? GroupControlNumber { get; init; }

    /// <summary>GS08 version / release / industry identifier, e.g. 005010X221A1.</summary>
    public string? Version { get; init; }

    /// <summary>ST01 transaction set identifier, e.g. 835.</summary>
    public string? TransactionSetId { get; init; }

    /// <summary>ST02 transaction set control number.</summary>
    public string? TransactionControlNumber { get; init; }

    /// <summary>ST03 implementation convention reference, e.g. 005010X221A1 (optional in the standard).</summary>
    public string? ImplementationReference { get; init; }

    /// <summary>Segment number where the unit starts: the ST for a transaction set, else the GS or ISA at fault.</summary>
    public long? SegmentNumber { get; init; }

    /// <summary>The implementation guide the transaction claims to follow: ST03 when present, else GS08.</summary>
    public string? EffectiveVersion => string.IsNullOrEmpty(ImplementationReference) ? Version : ImplementationReference;
}
