using DuckDB.NET.Data;

namespace Strata.Transform;

/// <summary>The top-level column names of many Parquet files, from their footers, in one statement.</summary>
internal static class ParquetColumnNames
{
    /// <summary>
    /// Each file's top-level columns in file order. <c>parquet_schema</c> lists every schema
    /// element depth first, a group followed by its <c>num_children</c> descendants' subtrees; the
    /// root's direct children are the columns DuckDB reads.
    /// </summary>
    public static Dictionary<string, List<string>> Read(DuckDBConnection connection, IReadOnlyList<string> files)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT file_name, name, coalesce(num_children, 0) FROM parquet_schema([{string.Join(", ", files.Select(SqlEngine.Quote))}])";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var remaining = new Stack<long>();
        List<string>? columns = null;
        while (reader.Read())
        {
            var children = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            if (remaining.Count == 0)
            {
                // A file's root: its children are the columns.
                columns = result[reader.GetString(0)] = [];
                if (children > 0)
                {
                    remaining.Push(children);
                }

                continue;
            }

            if (remaining.Count == 1)
            {
                columns!.Add(reader.GetString(1));
            }

            remaining.Push(remaining.Pop() - 1);
            if (children > 0)
            {
                remaining.Push(children);
            }

            while (remaining.Count > 0 && remaining.Peek() == 0)
            {
                remaining.Pop();
            }
        }

        return result;
    }
}
