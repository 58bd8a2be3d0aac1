namespace Strata.Load;

/// <summary>One fragment a parse wrote: the rows of one raw blob that fall in one partition.</summary>
/// <param name="Partition">The partition value (<c>2026-11-20</c>).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="OutputHash">The output hash of those rows (see <see cref="Parquet.OutputHasher"/>); also stored in the file's metadata.</param>
public sealed record FragmentInfo(string Partition, long Rows, string OutputHash);
