namespace Strata.Load;

/// <summary>
/// Where a parse writes. The parser opens at most one fragment stream per partition (the partition
/// value, e.g. <c>2026-11-20</c>, not <c>key=value</c>), writes one Parquet file into it and disposes
/// it; it opens the quarantine stream only when something is quarantined. Streams need only be
/// writable. Up to <see cref="LoadEngineOptions.MaxOpenFragments"/> fragment streams are open at once,
/// so file-backed streams are the natural choice.
/// <para>
/// Threading: fragments are opened and written by a background task that writes one row group at
/// a time, so the sink is never called concurrently for fragments, but possibly from another
/// thread than <see cref="OpenQuarantineAsync"/>, which the parsing thread calls. On Linux, an
/// async <see cref="FileStream"/> turns every write into a thread-pool hop: a plain FileStream writes
/// Parquet pages with far less overhead. Keep its buffer small (64 KiB): a stream lives as long as
/// its fragment, so a file spread over many partitions holds one buffer per partition at once.
/// </para>
/// </summary>
public interface IFragmentSink
{
    /// <summary>A new writable stream for the fragment of <paramref name="partition"/>.</summary>
    ValueTask<Stream> OpenFragmentAsync(string partition, CancellationToken ct);

    /// <summary>A new writable stream for quarantine records (JSON lines).</summary>
    ValueTask<Stream> OpenQuarantineAsync(CancellationToken ct);
}
