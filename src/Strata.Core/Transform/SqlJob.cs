using Strata.Load.Schema;

namespace Strata.Transform;

/// <summary>
/// One SQL run: the query, each input as a view over local Parquet files, and where to write
/// the result (Parquet always; CSV and JSON lines when asked).
/// </summary>
public sealed record SqlJob(
    string Dataset,
    string Partition,
    string Sql,
    IReadOnlyList<SqlInput> Inputs,
    string OutputParquet,
    string? OutputCsv = null,
    string? OutputJsonLines = null)
{
    /// <summary>Row-level expectations evaluated in the same query (see <see cref="Quality.ExpectationPass"/>); none by default.</summary>
    public IReadOnlyList<Quality.ExpectationDefinition> Expectations { get; init; } = [];

    /// <summary>Where rows quarantined by an expectation are written (JSON lines, one object per row plus its reason); nothing is written when none are.</summary>
    public string? QuarantineJsonLines { get; init; }
}

/// <summary>What a job wrote: the rows committed to the output, and per expectation the rows that did not meet it.</summary>
public sealed record SqlResult(long Rows, IReadOnlyList<Quality.ExpectationCount> Expectations);

/// <summary>
/// An input view: the files the mapping selected, or — when it selected none — a sample file
/// whose schema gives an empty view with the right columns.
/// </summary>
public sealed record SqlInput(string Name, IReadOnlyList<string> Files, string? SchemaSample)
{
    /// <summary>
    /// For a source input: the source's current schema. The view then has exactly these columns,
    /// each cast to its current type, and a column a file lacks (written under an older schema
    /// version) reads as a null of that type — so every partition reads alike.
    /// </summary>
    public SourceSchema? Schema { get; init; }
}
