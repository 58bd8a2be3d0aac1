namespace Strata.Definitions;

/// <summary>
/// An integrate or action dataset: SQL over named inputs, run once per partition. Its input
/// fingerprint covers the SQL text, the engine version, the mappings and the output hashes of
/// the input partitions the mappings select.
/// </summary>
public sealed record DatasetDefinition
{
    /// <summary>Dataset name; unique across all pipelines. Also the name of the view other datasets use.</summary>
    public required string Name { get; init; }

    /// <summary>The pipeline that declares it.</summary>
    public required string Pipeline { get; init; }

    /// <summary><see cref="Layer.Integrate"/> or <see cref="Layer.Action"/>.</summary>
    public required Layer Layer { get; init; }

    /// <summary>Path of the SQL file, relative to the pipeline folder (<c>sql/entrants.sql</c>).</summary>
    public required string SqlPath { get; init; }

    /// <summary>The SQL text as read at definition load time.</summary>
    public required string Sql { get; init; }

    /// <summary>Inputs, in declaration order; each becomes a view of the same name.</summary>
    public required IReadOnlyList<DatasetInput> Inputs { get; init; }

    /// <summary>The dataset's own partition key; <see cref="PartitionKeySpec.Unpartitioned"/> when every input is <c>all</c>.</summary>
    public required PartitionKeySpec Partition { get; init; }

    /// <summary>Product formats (actions only); always contains Parquet.</summary>
    public IReadOnlyList<ProductFormat> Formats { get; init; } = [ProductFormat.Parquet];

    /// <summary>Row-level expectations and partition-level checks (see <see cref="Quality.QualityRules"/>); none by default.</summary>
    public Strata.Quality.QualityRules Quality { get; init; } = Strata.Quality.QualityRules.Empty;

    /// <summary>Where it was declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
