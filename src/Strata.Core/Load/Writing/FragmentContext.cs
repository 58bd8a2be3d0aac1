using Parquet;
using Parquet.Schema;
using Strata.Definitions;
using Strata.Load.Pii;

namespace Strata.Load.Writing;

/// <summary>What every partition of one parse shares for writing.</summary>
/// <param name="Sink">Where fragments go.</param>
/// <param name="ParquetSchema">The fragments' Parquet schema.</param>
/// <param name="Fields">Its fields, in column order.</param>
/// <param name="ParquetOptions">Compression and encoding.</param>
/// <param name="Chunks">The parse's text chunks.</param>
/// <param name="Tokenise">Per output column, its normalisation when tokenised.</param>
/// <param name="Tokens">The tokeniser, used only by whichever task writes a row group (one at a time).</param>
internal sealed record FragmentContext(IFragmentSink Sink, ParquetSchema ParquetSchema, DataField[] Fields, ParquetOptions ParquetOptions, ChunkPool Chunks, PiiNormalise?[] Tokenise, TokenSession? Tokens)
{
    /// <summary>How fragments are profiled while written (see <c>Quality/Profiles</c>); null: not at all.</summary>
    public Quality.Profiles.ProfileOptions? Profiles { get; init; }
}
