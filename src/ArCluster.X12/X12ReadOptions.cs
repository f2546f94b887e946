namespace ArCluster.X12;

/// <summary>How <see cref="X12File.ReadTransactions"/> reads.</summary>
public sealed record X12ReadOptions
{
    internal const int DefaultBufferSize = 256 * 1024;

    public static X12ReadOptions Default { get; } = new();

    /// <summary>
    /// Check every ISA/IEA and GS/GE trailer before handing out the first transaction set (default
    /// true), so that a transaction inside a broken functional group or interchange (wrong GE01 or
    /// IEA01, control numbers that differ, a file truncated before its trailers) arrives already
    /// rejected with the reason. This costs one extra envelope-only pass over the bytes; a stream that
    /// cannot seek is first copied to a temporary file (deleted on close). With false, reading is a
    /// single pass and trailer problems surface only afterwards, as a separate group- or
    /// interchange-level result, and a transaction set that lacks its SE is held in memory until the
    /// next ST, GE or IEA — never use that for posting.
    /// </summary>
    public bool VerifyTrailersFirst { get; init; } = true;

    /// <summary>
    /// When above 0, <see cref="Remittance.RemittanceFile"/> reads and splits transaction sets on a
    /// dedicated background thread, up to this many ahead of the one being parsed, so that the two
    /// overlap on a machine with more than one core. Memory stays bounded by this many transaction
    /// sets. Default 0: everything happens on the caller's thread.
    /// </summary>
    public int ReadAhead { get; init; }

    /// <summary>Bytes read from the stream at a time (the buffer grows only for a longer segment).</summary>
    public int BufferSize { get; init; } = DefaultBufferSize;
}
