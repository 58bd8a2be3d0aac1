using System.Text.Json;
using Strata.Load.Schema;
using Strata.Parquet;

namespace Strata.Quality.Profiles;

/// <summary>
/// A partition's profile gathered while its Parquet file is written: the writer hands over each
/// row group's typed column vectors after writing them (<see cref="Add"/>), the same vectors the
/// output hash walks, so profiling reads nothing. The result goes into the file's footer
/// (<see cref="FooterKey"/>): a partition assembled from one fragment is that fragment's bytes and
/// carries its profile; one merged from several is profiled again as the merge writes it.
/// </summary>
internal sealed class ProfileAccumulator
{
    /// <summary>The footer key-value entry holding the <see cref="WrittenProfile"/> JSON.</summary>
    public const string FooterKey = "strata.profile";

    private readonly ColumnAccumulator[] _columns;
    private readonly int _skipped;
    private readonly int _lowCardinality;
    private readonly int _maxColumns;
    private long _rows;

    private ProfileAccumulator(SourceSchema schema, int lowCardinality, int maxColumns)
    {
        _lowCardinality = lowCardinality;
        _maxColumns = maxColumns;
        _columns = [.. schema.Columns.Take(Math.Max(0, maxColumns)).Select(c => ColumnAccumulator.For(c, lowCardinality))];
        _skipped = schema.Columns.Count - _columns.Length;
    }

    /// <summary>An accumulator for files of <paramref name="schema"/>, or null when profiles are off.</summary>
    public static ProfileAccumulator? For(SourceSchema schema, ProfileOptions? options) =>
        options is { Enabled: true } ? new ProfileAccumulator(schema, options.LowCardinality, options.MaxColumns) : null;

    /// <summary>
    /// An accumulator for a file merged from files with these footers, with the limits they were
    /// profiled with; null when any of them has no profile (profiles were off when it was written).
    /// </summary>
    public static ProfileAccumulator? ForMerge(SourceSchema schema, IEnumerable<IReadOnlyDictionary<string, string>> footers)
    {
        ArgumentNullException.ThrowIfNull(footers);
        var profiles = footers.Select(ReadFrom).ToList();
        return profiles.Count == 0 || profiles.Any(p => p is null) ? null : new ProfileAccumulator(schema, profiles[0]!.LowCardinality, profiles[0]!.MaxColumns);
    }

    /// <summary>Adds one row group's columns (every column of the schema, in order) after they were written.</summary>
    public void Add(IReadOnlyList<ColumnVector> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            return;
        }

        _rows += columns[0].RowCount;
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Add(columns[i]);
        }
    }

    /// <summary>The profile so far; null when a column met a vector it could not read (the file is then profiled by DuckDB).</summary>
    public WrittenProfile? ToProfile() =>
        _columns.Any(c => c.Unusable) ? null : new WrittenProfile(_rows, [.. _columns.Select(c => c.ToProfile())], _skipped, _lowCardinality, _maxColumns);

    /// <summary>Adds the profile to a file's footer entries (nothing when there is none).</summary>
    public static Dictionary<string, string> AddTo(Dictionary<string, string> footer, ProfileAccumulator? profile)
    {
        ArgumentNullException.ThrowIfNull(footer);
        if (profile?.ToProfile() is { } written)
        {
            footer[FooterKey] = JsonSerializer.Serialize(written, StrataJson.Options);
        }

        return footer;
    }

    /// <summary>The profile a file's footer carries, or null.</summary>
    public static WrittenProfile? ReadFrom(IReadOnlyDictionary<string, string> footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        return footer.TryGetValue(FooterKey, out var json) ? JsonSerializer.Deserialize<WrittenProfile>(json, StrataJson.Options) : null;
    }
}
