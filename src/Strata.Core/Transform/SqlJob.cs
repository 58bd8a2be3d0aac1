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
    string? OutputJsonLines = null);

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
