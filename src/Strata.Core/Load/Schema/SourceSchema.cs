using System.IO.Hashing;
using System.Text;

namespace Strata.Load.Schema;

/// <summary>
/// The ordered columns of a source's load output, with a stable content hash. Two schemas are equal
/// when their columns are equal in the same order; the hash changes exactly when they are not.
/// </summary>
public sealed class SourceSchema : IEquatable<SourceSchema>
{
    private readonly Dictionary<string, int> _index;
    private string? _hash;

    /// <param name="columns">The columns in order (also the JSON shape: <c>{"columns":[...]}</c>).</param>
    public SourceSchema(IReadOnlyList<SchemaColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];

        // An index, not a scan: merging two schemas of a 20,000-column file looks every column up.
        _index = new Dictionary<string, int>(Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!_index.TryAdd(Columns[i].Name, i))
            {
                throw new ArgumentException($"column '{Columns[i].Name}' appears more than once", nameof(columns));
            }
        }
    }

    /// <summary>No columns: the starting point for <see cref="SchemaMerger.Merge"/>.</summary>
    public static SourceSchema Empty { get; } = new([]);

    public IReadOnlyList<SchemaColumn> Columns { get; }

    /// <summary>
    /// 32 lowercase hex digits: XxHash128 of every column's name, type, scale, nullability, date format and no-values mark, in order.
    /// Stable across processes and versions (it is recorded with schema versions).
    /// </summary>
    public string Hash => _hash ??= ComputeHash();

    /// <summary>The column with this name, or null.</summary>
    public SchemaColumn? Find(string name) => _index.TryGetValue(name, out var i) ? Columns[i] : null;

    /// <summary>The position of a column, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public bool Equals(SourceSchema? other) => other is not null && Columns.SequenceEqual(other.Columns);

    public override bool Equals(object? obj) => obj is SourceSchema other && Equals(other);

    public override int GetHashCode() => Hash.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => string.Join(", ", Columns);

    private string ComputeHash()
    {
        var text = new StringBuilder();
        foreach (var column in Columns)
        {
            // Separators that cannot appear in a type name keep "a","bc" apart from "ab","c".
            text.Append(column.Name).Append('\u001f')
                .Append(column.Type.ToString()).Append('\u001f')
                .Append(column.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(column.Nullable ? '1' : '0');

            // Only columns that have them hash these, so schemas recorded before they existed keep their hash.
            if (column.Format is not null)
            {
                text.Append('\u001f').Append("format=").Append(column.Format);
            }

            if (column.NoValues)
            {
                text.Append('\u001f').Append("novalues");
            }

            text.Append('\u001e');
        }

        var hash = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(text.ToString()));
        return hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
    }
}
