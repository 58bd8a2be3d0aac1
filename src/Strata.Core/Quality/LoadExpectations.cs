using Strata.Definitions;
using Strata.Lake.Publishing;
using Strata.Load;
using Strata.Load.Schema;
using Strata.Storage;
using Strata.Transform;

namespace Strata.Quality;

/// <summary>
/// A source's expectations, evaluated while its load partition is written: the assembled
/// partition file (local, not yet uploaded) goes once through the same DuckDB pass as a dataset's
/// query (<see cref="ExpectationPass"/>), and the kept rows are written back at the partition's own
/// column types (the assembler's carrier merge, as load widens), so the file a reader sees has the
/// source's types and a fresh output hash. Storage is not read again; raw blobs are not re-parsed.
/// </summary>
public sealed class LoadExpectations(SqlEngine engine, ExpectationOutputs outputs)
{
    /// <summary>
    /// Applies <paramref name="source"/>'s expectations to <paramref name="file"/>; returns the file
    /// to commit and what it holds (the input as it is when the source has none).
    /// </summary>
    public async Task<(string File, PartitionAssembly Assembly)> ApplyAsync(
        SourceDefinition source, string partition, string file, PartitionAssembly assembly, TempFolder temp, LoadEngineOptions options, string runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(temp);
        if (source.Quality.Expectations.Count == 0)
        {
            return (file, assembly);
        }

        var job = new SqlJob(source.Name, partition, $"SELECT * FROM read_parquet({SqlEngine.Quote(file)})", [], temp.File("expected.parquet"))
        {
            Expectations = source.Quality.Expectations,
            QuarantineJsonLines = temp.File("expected-quarantine.jsonl"),
        };
        var result = await Task.Run(() => engine.Execute(job), ct);
        var typed = temp.File("expected-typed.parquet");
        var written = await LoadFileTypes.WidenAsync(job.OutputParquet, assembly.Schema, typed, options, ct);
        await outputs.RecordAsync(source.Name, partition, result, job.QuarantineJsonLines, runId, ct);

        // The carrier merge keeps the partition's columns (an empty partition has none in DuckDB's file).
        return (typed, written with { Schema = assembly.Schema.Columns.Count >= written.Schema.Columns.Count ? assembly.Schema : written.Schema });
    }
}
