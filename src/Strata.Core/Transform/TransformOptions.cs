namespace Strata.Transform;

/// <summary>How the SQL engine (DuckDB) runs integrate and action SQL. Bound from <c>Strata:Transform</c>.</summary>
public sealed class TransformOptions
{
    public const string Section = "Strata:Transform";

    /// <summary>DuckDB memory limit per partition build. Default <c>1GB</c>: several builds run at once on a 2-core, small-memory host; DuckDB spills to <see cref="TempDirectory"/> beyond it.</summary>
    public string MemoryLimit { get; set; } = "1GB";

    /// <summary>DuckDB threads per build. Default 1: partitions are built in parallel already, one per activity.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Where DuckDB spills. Default: a <c>strata-duckdb</c> folder under the system temp folder.</summary>
    public string TempDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "strata-duckdb");
}
