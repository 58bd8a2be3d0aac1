using Strata.Load.Schema;

namespace Strata.Load;

/// <summary>What <see cref="PartitionAssembler"/> wrote.</summary>
/// <param name="Schema">The partition file's schema: the merge of the fragments' schemas (possibly wider, see the assembler).</param>
/// <param name="Rows">Rows in the partition.</param>
/// <param name="OutputHash">The partition's output hash (same as <see cref="Parquet.OutputHasher"/> over the file).</param>
/// <param name="Copied">True when the single fragment's bytes were copied as they are.</param>
public sealed record PartitionAssembly(SourceSchema Schema, long Rows, string OutputHash, bool Copied)
{
    /// <summary>The file's profile, gathered when its rows were written; null when profiles were off then, or for a file rewritten since.</summary>
    public Quality.Profiles.WrittenProfile? Profile { get; init; }
}
