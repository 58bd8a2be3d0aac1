using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Lake;

/// <summary>What outside readers get after each demo wave: a folder read and a Delta read, against the committed partitions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReaderTests(AzuriteFixture azurite)
{
    private static readonly string[] s_tableContainers = [LakeContainers.Load, LakeContainers.Integrate, LakeContainers.Products];

    [Fact]
    public async Task EveryDemoWave_AHivePartitionedFolderReadOfEachDataset_EqualsTheCommittedRowsRowForRow()
    {
        var (lake, pipelines) = await DemoLake.CreateAsync(azurite);
        await using (lake)
        using (pipelines)
        {
            foreach (var wave in DemoLake.Waves)
            {
                await DemoLake.RunWaveAsync(lake, wave);

                using var folders = await new LakeFolders(lake).DownloadAsync(s_tableContainers);
                foreach (var table in DemoLake.Tables(lake))
                {
                    var (files, columns) = await folders.CommittedAsync(table);
                    var committed = LakeFolders.FileRows(files, columns);
                    Assert.NotEmpty(committed);
                    Assert.True(committed.SequenceEqual(folders.FolderRows(table, columns)), $"after {wave}, a folder read of {table} differs from its committed partitions");
                }

                Assert.Empty(await lake.BlobsAsync(LakeContainers.Load, "entries_web/_fragments/"));
            }
        }
    }

    [Fact]
    public async Task EveryDemoWave_TheDeltaLogListsExactlyTheCommittedFiles_AndThePreviousVersionGivesThePreviousRowsWhileRetained()
    {
        var settings = new Dictionary<string, string?> { ["Strata:Lake:RetainVersions"] = "3", ["Strata:Lake:CheckpointInterval"] = "2" };
        var (lake, pipelines) = await DemoLake.CreateAsync(azurite, settings);
        var previous = new Dictionary<string, (long Version, List<string> Rows, List<string> Columns)>(StringComparer.Ordinal);
        var checkedPrevious = 0;
        await using (lake)
        using (pipelines)
        {
            foreach (var wave in DemoLake.Waves)
            {
                await DemoLake.RunWaveAsync(lake, wave);

                using var folders = await new LakeFolders(lake).DownloadAsync(s_tableContainers);
                foreach (var table in DemoLake.Tables(lake))
                {
                    var reader = new DeltaProtocolReader(folders.Table(table));
                    var (files, _, protocol, _) = reader.Read();
                    var (committed, columns) = await folders.CommittedAsync(table);
                    Assert.Equal(committed.Order(StringComparer.Ordinal), files);
                    Assert.Equal(1, protocol["minReaderVersion"]!.GetValue<int>());
                    Assert.Equal(2, protocol["minWriterVersion"]!.GetValue<int>());
                    var latest = reader.Versions()[^1];
                    if (previous.TryGetValue(table, out var before) && before.Version < latest)
                    {
                        var (oldFiles, _, _, _) = reader.Read(before.Version);
                        Assert.True(oldFiles.All(File.Exists), $"{table} version {before.Version} lists a file that is gone");
                        Assert.Equal(before.Rows, LakeFolders.FileRows(oldFiles, before.Columns));
                        checkedPrevious++;
                    }

                    previous[table] = (latest, LakeFolders.FileRows(committed, columns), columns);
                }
            }

            Assert.True(checkedPrevious >= 3, $"only {checkedPrevious} tables changed between waves");
            Assert.Contains(await lake.BlobsAsync(LakeContainers.Load, "entries_web/_delta_log/"), b => b.EndsWith(".checkpoint.parquet", StringComparison.Ordinal));
        }
    }
}
