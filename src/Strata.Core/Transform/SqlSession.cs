using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Transform;

/// <summary>
/// An open DuckDB database that runs jobs one after another (see <see cref="SqlEngine.OpenSession"/>).
/// Each job replaces the input views, so a job sees exactly its own partitions' files. Not thread-safe.
/// </summary>
public sealed class SqlSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, List<string>> _columns = new(StringComparer.Ordinal);

    internal SqlSession(DuckDBConnection connection) => _connection = connection;

    /// <summary>
    /// Reads the columns of the Parquet files the coming jobs will read, from all their footers in
    /// one statement, so a job whose input view needs its files' columns (a source input, see
    /// <see cref="InputViews"/>) does not describe them with a statement of its own: that cost
    /// more than a small partition's COPY. Files it cannot read are described by their job, which
    /// then reports the problem as its own.
    /// </summary>
    public void ReadColumns(IEnumerable<string> parquetFiles)
    {
        var files = parquetFiles.Where(f => !_columns.ContainsKey(f)).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count > 0)
        {
            try
            {
                foreach (var (file, columns) in ParquetColumnNames.Read(_connection, files))
                {
                    _columns[file] = columns;
                }
            }
            catch (DuckDBException)
            {
                // Each job describes its own files instead.
            }
        }
    }

    /// <summary>
    /// Runs the job; returns the rows written and the expectation counts. Throws
    /// <see cref="SqlException"/> when the SQL fails, <see cref="Quality.ExpectationFailedException"/>
    /// when an expectation with action fail is not met.
    /// </summary>
    public SqlResult Execute(SqlJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        foreach (var input in job.Inputs)
        {
            SqlEngine.Run(_connection, $"CREATE OR REPLACE VIEW {SqlEngine.Identifier(input.Name)} AS {InputViews.Sql(_connection, job, input, _columns)}");
        }

        IReadOnlyList<Quality.ExpectationCount> expectations = [];
        long? rows = null;
        try
        {
            if (job.Expectations.Count > 0)
            {
                expectations = Quality.ExpectationPass.Run(_connection, job, SqlEngine.TrimStatement(job.Sql));
            }
            else
            {
                // Straight to Parquet: DuckDB streams the result (spilling past the memory limit) instead of holding it.
                // COPY answers the rows it wrote, so the file's footer need not be read for them.
                rows = SqlEngine.Run(_connection, $"COPY ({SqlEngine.TrimStatement(job.Sql)}) TO {SqlEngine.Quote(job.OutputParquet)} (FORMAT parquet, COMPRESSION zstd)");
            }
        }
        catch (DuckDBException e)
        {
            throw new SqlException(job.Dataset, job.Partition, e.Message, e);
        }

        var result = $"read_parquet({SqlEngine.Quote(job.OutputParquet)})";
        if (job.OutputCsv is not null)
        {
            SqlEngine.Run(_connection, $"COPY (SELECT * FROM {result}) TO {SqlEngine.Quote(job.OutputCsv)} (FORMAT csv, HEADER true)");
        }

        if (job.OutputJsonLines is not null)
        {
            SqlEngine.Run(_connection, $"COPY (SELECT * FROM {result}) TO {SqlEngine.Quote(job.OutputJsonLines)} (FORMAT json)");
        }

        return new SqlResult(rows ?? WrittenRows(job.OutputParquet), expectations);
    }

    private long WrittenRows(string parquetFile)
    {
        using var count = _connection.CreateCommand();
        count.CommandText = $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlEngine.Quote(parquetFile)})";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
