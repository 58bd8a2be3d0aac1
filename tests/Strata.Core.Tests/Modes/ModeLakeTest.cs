using System.Globalization;
using Strata.Partitions;
using Strata.Runs;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Modes;

/// <summary>A test class whose every test gets a fresh lake holding one pipeline, <c>shop</c>.</summary>
public abstract class ModeLakeTest(AzuriteFixture azurite, string yaml, params (string Path, string Text)[] files) : IAsyncLifetime
{
    protected TestPipelines PipelineFolder { get; } = new();

    protected TestLake Lake { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PipelineFolder.Write("shop", yaml, files);
        Lake = await TestLake.CreateAsync(azurite, PipelineFolder.Root);
    }

    public async Task DisposeAsync()
    {
        await Lake.DisposeAsync();
        PipelineFolder.Dispose();
    }

    protected static DatasetRunSummary Of(RunSummary run, string dataset) => run.Datasets.Single(d => d.Dataset == dataset);

    /// <summary>Every committed partition of a source or dataset: key → record.</summary>
    protected async Task<Dictionary<string, PartitionRecord>> CommittedAsync(string dataset)
    {
        var all = new Dictionary<string, PartitionRecord>(StringComparer.Ordinal);
        await foreach (var record in Lake.Get<PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            all[record.Partition] = record;
        }

        return all;
    }

    /// <summary>What a reader of the lake sees: the rows of every committed partition of a source, read with DuckDB.</summary>
    protected async Task<List<Dictionary<string, object?>>> ReadSourceAsync(string source, string orderBy)
    {
        var files = new List<string>();
        foreach (var record in (await CommittedAsync(source)).Values)
        {
            files.Add(DuckDbReader.Quote(await Lake.DownloadAsync(LakeContainers.Load, record.OutputPath)));
        }

        return DuckDbReader.Query($"SELECT * FROM read_parquet([{string.Join(", ", files)}], union_by_name = true) ORDER BY {orderBy}");
    }

    protected static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    protected static decimal Decimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
