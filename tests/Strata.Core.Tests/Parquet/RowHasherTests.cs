using Strata.Parquet;
using BigDecimal = Parquet.Data.BigDecimal;

namespace Strata.Tests.Parquet;

/// <summary>
/// The row hash is stored with every partition: any change to its value rebuilds every user's
/// partitions, and no other test holds its value (they compare hashes with each other). These
/// pin it for every value type, with nulls, against a constant and against the definition
/// written out row by row, so a faster hasher can be checked to be the same function.
/// </summary>
public sealed class RowHasherTests
{
    private const int Rows = 2_500;

    /// <summary>Computed by the hasher of 2026-12-02 (format seed v1). A change here is a fingerprint version bump.</summary>
    private const string Pinned = "956bf253119566d5fdc0ac5bd3946a14";

    [Fact]
    public void EveryType_WithNulls_HashesAsPinned()
    {
        var (names, columns) = Table();
        var hash = default(RowSetHash);

        new RowHasher(names).AddRows(columns, ref hash);

        Assert.Equal(Rows, hash.Count);
        Assert.Equal(Pinned, hash.ToHex());
    }

    [Fact]
    public void EveryType_WithNulls_HashesLikeTheRowByRowDefinition()
    {
        var (names, columns) = Table();
        var hash = default(RowSetHash);
        var hasher = new RowHasher(names);

        // Two calls on one hasher: it must not carry anything from one row group to the next.
        hasher.AddRows(columns, ref hash);
        hasher.AddRows(columns, ref hash);

        var reference = RowByRow(names, columns);
        reference.Add(reference);
        Assert.Equal(reference.ToHex(), hash.ToHex());
    }

    [Fact]
    public void OneColumnMore_ThatIsAllNull_LeavesTheHashUnchanged()
    {
        var (names, columns) = Table();
        var empty = new ColumnVector<long>();
        empty.AppendNulls(Rows);
        var a = default(RowSetHash);
        var b = default(RowSetHash);

        new RowHasher(names).AddRows(columns, ref a);
        new RowHasher([.. names, "aaa_first_by_name"]).AddRows([.. columns, empty], ref b);

        Assert.Equal(a.ToHex(), b.ToHex());
    }

    /// <summary>The definition: each row's non-null cells in ordinal name order, name header then canonical value, hashed alone.</summary>
    private static RowSetHash RowByRow(string[] names, ColumnVector[] columns)
    {
        var order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var cursors = new int[names.Length];
        var row = new CanonicalRow();
        var hash = default(RowSetHash);
        for (var r = 0; r < columns[0].RowCount; r++)
        {
            row.Reset();
            foreach (var c in order)
            {
                if (!columns[c].IsNull(r))
                {
                    row.WriteRaw(CanonicalRow.NameHeader(names[c]));
                    WriteBoxed(row, columns[c].Box(cursors[c]++));
                }
            }

            hash.AddRow(row.Bytes);
        }

        return hash;
    }

    private static void WriteBoxed(CanonicalRow row, object value)
    {
        switch (value)
        {
            case long v: row.WriteValue(v); break;
            case int v: row.WriteValue(v); break;
            case short v: row.WriteValue(v); break;
            case double v: row.WriteValue(v); break;
            case float v: row.WriteValue(v); break;
            case decimal v: row.WriteValue(v); break;
            case BigDecimal v: row.WriteValue(v); break;
            case DateTime v: row.WriteValue(v); break;
            case DateTimeOffset v: row.WriteValue(v); break;
            case DateOnly v: row.WriteValue(v); break;
            case TimeOnly v: row.WriteValue(v); break;
            case TimeSpan v: row.WriteValue(v); break;
            case bool v: row.WriteValue(v); break;
            case Guid v: row.WriteValue(v); break;
            case ReadOnlyMemory<char> v: row.WriteValue(v); break;
            case ReadOnlyMemory<byte> v: row.WriteValue(v); break;
            default: throw new InvalidOperationException(value.GetType().Name);
        }
    }

    /// <summary>One column per value type, names out of order, every third to seventh cell null in some.</summary>
    private static (string[] Names, ColumnVector[] Columns) Table()
    {
        var names = new List<string>();
        var columns = new List<ColumnVector>();
        void Add<T>(string name, Func<int, T> value, int nullEvery)
            where T : struct
        {
            var column = new ColumnVector<T>(16);
            for (var r = 0; r < Rows; r++)
            {
                if (nullEvery > 0 && r % nullEvery == 0)
                {
                    column.AppendNull();
                }
                else
                {
                    column.Append(value(r));
                }
            }

            names.Add(name);
            columns.Add(column);
        }

        var text = new[] { "", "a", "Zürich", "日本語のテキスト", "emoji 🙂 here", "plain ascii that is a bit longer than sixteen bytes", "x\u0000y" };
        Add("id", r => (long)r * 7919 - 5000, 0);
        Add("small", r => r % 300 - 150, 5);
        Add("short", r => (short)(r % 1000), 0);
        Add("amount", r => r % 11 == 0 ? -0.0 : r % 13 == 0 ? double.NaN : r / 3.0, 3);
        Add("ratio", r => (float)(r / 7.0), 6);
        Add("price", r => new decimal(r * 125, 0, 0, r % 2 == 0, 2), 4);
        Add("wide", r => new BigDecimal(new System.Numerics.BigInteger(r) * 1_000_000_000_000L, 38, 6), 7);
        Add("entered_at", r => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(r * 123_456_789L - 1_000_000_000_000L), 0);
        Add("offset_at", r => new DateTimeOffset(1969, 12, 31, 23, 0, 0, TimeSpan.FromHours(2)).AddTicks(r * 17L), 9);
        Add("day", r => DateOnly.FromDayNumber(700_000 + r), 0);
        Add("clock", r => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(r * 13 % 86_400)), 8);
        Add("span", r => TimeSpan.FromMilliseconds(r * 1.5), 10);
        Add("flag", r => r % 3 == 0, 0);
        Add("uid", r => new Guid(r, (short)r, (short)(r >> 3), 1, 2, 3, 4, 5, 6, 7, 8), 5);
        Add("email", r => text[r % text.Length].AsMemory(), 3);
        Add("blob", r => (ReadOnlyMemory<byte>)new byte[r % 40].Select((_, i) => (byte)(i * r)).ToArray(), 4);
        return ([.. names], [.. columns]);
    }
}
