using Azure.Data.Tables;
using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Workflow;

/// <summary>A test class whose every test gets a fresh lake holding the <see cref="Intake"/> pipeline.</summary>
public abstract class IntakeLakeTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestPipelines PipelineFolder { get; } = new();

    protected TestLake Lake { get; private set; } = null!;

    protected AzuriteFixture Azurite => azurite;

    public async Task InitializeAsync()
    {
        PipelineFolder.Write("intake", Intake.Yaml, Intake.Files);
        Lake = await TestLake.CreateAsync(azurite, PipelineFolder.Root);
    }

    public async Task DisposeAsync()
    {
        await Lake.DisposeAsync();
        PipelineFolder.Dispose();
    }

    /// <summary>Every row of a dataset's committed partitions, read with DuckDB.</summary>
    protected async Task<List<Dictionary<string, object?>>> RowsAsync(string dataset, string? orderBy = null)
    {
        var files = new List<string>();
        await foreach (var p in Lake.Get<Strata.Partitions.PartitionStore>().ListAsync(dataset, CancellationToken.None))
        {
            files.Add(DuckDbReader.Quote(await Lake.DownloadAsync(LakeContainers.ForOutput(Lake.Get<Strata.Definitions.PipelineCatalog>(), dataset), p.OutputPath)));
        }

        return files.Count == 0 ? [] : DuckDbReader.Query($"SELECT * FROM read_parquet([{string.Join(", ", files)}], union_by_name = true){(orderBy is null ? "" : $" ORDER BY {orderBy}")}");
    }

    /// <summary>The largest string property (in characters) of any entity this lake stored, and which one it is.</summary>
    protected async Task<(int Chars, string Where)> LargestStoredPropertyAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var largest = (0, "");
        await foreach (var table in service.QueryAsync(filter: $"TableName ge '{Lake.Namespace}' and TableName lt '{Lake.Namespace}~'"))
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in entity)
                {
                    if (value is string text && text.Length > largest.Item1)
                    {
                        largest = (text.Length, $"{table.Name} {entity.PartitionKey}/{entity.RowKey}.{key}");
                    }
                }
            }
        }

        return largest;
    }

    /// <summary>Deletes a landed file's raw copy: its parse then fails on every attempt, as a poison file's does.</summary>
    protected async Task DeleteRawAsync(string source, string fileName)
    {
        var name = (await Lake.BlobsAsync(LakeContainers.Raw, source + "/")).Single(n => n.EndsWith("-" + fileName, StringComparison.Ordinal));
        await Lake.Storage.Container(LakeContainers.Raw).DeleteBlobAsync(name);
    }
}
