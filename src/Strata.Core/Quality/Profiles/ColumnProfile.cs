namespace Strata.Quality.Profiles;

/// <summary>
/// One column of a partition's profile. <see cref="Min"/> and <see cref="Max"/> are the values as
/// text (DuckDB's cast to VARCHAR); numeric columns also carry them as numbers, which is what range
/// drift compares. <see cref="Values"/> is set only for low-cardinality text and boolean columns.
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its DuckDB type, as the written Parquet reads.</param>
/// <param name="Nulls">Rows where it is null.</param>
/// <param name="Distinct">Distinct non-null values: DuckDB's HyperLogLog estimate (<c>approx_count_distinct</c>), exact when <see cref="Values"/> is kept.</param>
public sealed record ColumnProfile(string Name, string Type, long Nulls, long Distinct)
{
    public string? Min { get; init; }

    public string? Max { get; init; }

    /// <summary>The minimum as a number, for numeric columns only.</summary>
    public double? MinNumber { get; init; }

    /// <summary>The maximum as a number, for numeric columns only.</summary>
    public double? MaxNumber { get; init; }

    /// <summary>Rows per distinct value, when the column is text or boolean with at most <see cref="ProfileOptions.LowCardinality"/> distinct values.</summary>
    public IReadOnlyDictionary<string, long>? Values { get; init; }
}
