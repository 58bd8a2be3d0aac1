using Parquet;

namespace Strata.Load;

/// <summary>
/// Tuning for parsing raw blobs into fragments and assembling partitions. Bound from
/// <c>Strata:Load</c> (<c>Strata__Load__RowGroupRows</c>...). With the defaults one parse holds
/// about 150 MB (measured: peak live heap 144–147 MB for 1 and 2 million rows of 8 columns over
/// 30 partitions, with a tokenised column) whatever the file size or the number of partitions.
/// </summary>
public sealed class LoadEngineOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Strata:Load";

    /// <summary>
    /// Rows per Parquet row group. Default 131,072. Larger groups compress and scan better; each
    /// partition buffers at most this many rows before writing a row group.
    /// </summary>
    public int RowGroupRows { get; set; } = 131_072;

    /// <summary>
    /// Cap on cells (rows × columns) allocated for buffering across all partitions of one parse,
    /// including the one buffer being written in the background. Default 4,194,304 (about 50 MB of
    /// values). Buffers are sized from pass 1's row counts so the sum never passes the cap.
    /// Trade-off: a file spread over many partitions writes row groups of roughly
    /// cap ÷ columns ÷ partitions rows instead of <see cref="RowGroupRows"/>.
    /// </summary>
    public long MaxBufferedCells { get; set; } = 4L * 1024 * 1024;

    /// <summary>Cap on bytes of string values buffered across partitions, enforced like <see cref="MaxBufferedCells"/>. Default 128 MiB.</summary>
    public long MaxBufferedStringBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// Fragment writers open at once. Default 256. A file touching more partitions is written in
    /// several sweeps over the local file, each writing up to this many partitions: more reading,
    /// but bounded file handles and writer state (an hourly source spanning a year is 8,760 partitions).
    /// </summary>
    public int MaxOpenFragments { get; set; } = 256;

    /// <summary>
    /// The longest record (CSV record, JSON line or JSON array element) in bytes. Default 16 MiB.
    /// Longer means the file is quarantined as a whole: usually an unbalanced quote swallowing the rest.
    /// </summary>
    public int MaxRecordBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Parquet compression of fragments and partitions. Default Snappy: fast, and what most engines expect.</summary>
    public CompressionMethod Compression { get; set; } = CompressionMethod.Snappy;

    /// <summary>
    /// Distinct raw values whose HMAC is remembered during one parse (per normalisation in use).
    /// Default 262,144: about 25 MB, allocated only when a source tokenises. An HMAC costs
    /// 0.5–2 µs through OpenSSL; repeated values (customers, e-mail addresses) are the common case,
    /// and a cache hit costs 50–150 ns (it is a random memory read). 0 turns the cache off.
    /// </summary>
    public int TokenCacheEntries { get; set; } = 262_144;

    /// <summary>
    /// How many times a raw blob's parse may fail (for a reason other than a transient storage error,
    /// which the host retries) before the blob is quarantined as a file. Default 3. Each run tries a
    /// failed blob once more, and the source's other blobs load meanwhile; quarantining it lets the
    /// source move past it instead of failing the same way on every run. Counted per load spec, so
    /// changing the source's definition gives the blob fresh attempts.
    /// </summary>
    public int MaxParseAttempts { get; set; } = 3;

    /// <summary>Folder for scratch files (a gzip-compressed Parquet input is expanded there). Default: the system temp folder.</summary>
    public string? TempPath { get; set; }

    internal void Validate()
    {
        if (RowGroupRows < 1 || MaxBufferedCells < 1 || MaxBufferedStringBytes < 1 || MaxOpenFragments < 1 || MaxRecordBytes < 4096 || TokenCacheEntries < 0 || MaxParseAttempts < 1)
        {
            throw new ArgumentException("LoadEngineOptions: RowGroupRows, MaxBufferedCells, MaxBufferedStringBytes, MaxOpenFragments and MaxParseAttempts must be positive, MaxRecordBytes at least 4096, TokenCacheEntries not negative");
        }
    }
}
