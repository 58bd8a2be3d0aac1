namespace Strata.Quality.Profiles;

/// <summary>
/// What a committed partition held when it was built: its rows and, per column, nulls, range,
/// distinct estimate and (for low-cardinality columns) value counts. Semantic drift compares a new
/// profile with the profiles of the partitions before it (see <c>Quality/Drift</c>).
/// </summary>
/// <param name="Dataset">The source or dataset.</param>
/// <param name="Partition">The partition key (<c>order_date=2026-11-20</c>).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Columns">The profiled columns, in file order (at most <see cref="ProfileOptions.MaxColumns"/>).</param>
/// <param name="RunId">The run that built it.</param>
/// <param name="ProfiledAt">When it was profiled.</param>
public sealed record PartitionProfile(string Dataset, string Partition, long Rows, IReadOnlyList<ColumnProfile> Columns, string RunId, DateTimeOffset ProfiledAt)
{
    /// <summary>Columns in the file that were not profiled because of <see cref="ProfileOptions.MaxColumns"/>.</summary>
    public int ColumnsSkipped { get; init; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnProfile? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
