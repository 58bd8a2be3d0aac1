namespace Strata.Load;

/// <summary>How a parse used its budget: for tuning, tests and the benchmark.</summary>
/// <param name="PeakBufferedCells">The most cells (rows × columns) allocated for buffering at once; never above <see cref="LoadEngineOptions.MaxBufferedCells"/>.</param>
/// <param name="PeakBufferedStringBytes">The most string bytes buffered at once.</param>
/// <param name="RowGroupsWritten">Row groups written across all fragments.</param>
/// <param name="Sweeps">Passes over the file that wrote fragments (more than 1 only past <see cref="LoadEngineOptions.MaxOpenFragments"/> partitions).</param>
/// <param name="TokenCacheHits">Tokenised values served from the token cache.</param>
/// <param name="TokenCacheMisses">Tokenised values that needed an HMAC.</param>
public sealed record ParseStatistics(
    long PeakBufferedCells,
    long PeakBufferedStringBytes,
    int RowGroupsWritten,
    int Sweeps,
    long TokenCacheHits,
    long TokenCacheMisses)
{
    public static ParseStatistics None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>True when a Parquet input took the column path (typed values moved by column, no text in between).</summary>
    public bool LoadedByColumn { get; init; }
}
