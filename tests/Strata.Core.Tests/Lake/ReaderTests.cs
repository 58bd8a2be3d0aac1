using Strata.Storage;
using Strata.Testing;

namespace Strata.Tests.Lake;

/// <summary>What outside readers get after each demo wave: a folder read and a Delta read, against the committed partitions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReaderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryDemoWave_AHivePartitionedFolderReadOfEachDataset_EqualsTheCommittedRowsRowForRow()
    {
        await DemoLake.ForEachWaveAsync(azurite, null, async (lake, folders, wave, table) =>
        {
            var (files, columns) = await folders.CommittedAsync(table);
            var committed = LakeFolders.FileRows(files, columns);
            Assert.NotEmpty(committed);
            Assert.True(committed.SequenceEqual(folders.FolderRows(table, columns)), $"after {wave}, a folder read of {table} differs from its committed partitions");
            Assert.Empty(await lake.BlobsAsync(LakeContainers.Load, $"{table}/_fragments/"));
        });
    }

    [Fact]
    public async Task EveryDemoWave_TheDeltaLogListsExactlyTheCommittedFiles_AndThePreviousVersionGivesThePreviousRowsWhileRetained()
    {
        var settings = new Dictionary<string, string?> { ["Strata:Lake:RetainVersions"] = "3", ["Strata:Lake:CheckpointInterval"] = "2" };
        var previous = new Dictionary<string, (long Version, List<string> Rows, List<string> Columns)>(StringComparer.Ordinal);
        var (checkedPrevious, checkpoints) = (0, 0);

        await DemoLake.ForEachWaveAsync(azurite, settings, async (lake, folders, wave, table) =>
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
                Assert.True(oldFiles.All(File.Exists), $"after {wave}, {table} version {before.Version} lists a file that is gone");
                Assert.Equal(before.Rows, LakeFolders.FileRows(oldFiles, before.Columns));
                checkedPrevious++;
            }

            checkpoints += Directory.GetFiles(Path.Combine(folders.Table(table), "_delta_log"), "*.checkpoint.parquet").Length;
            previous[table] = (latest, LakeFolders.FileRows(committed, columns), columns);
        });

        Assert.True(checkedPrevious >= 3, $"only {checkedPrevious} tables changed between waves");
        Assert.True(checkpoints > 0, "no table reached a checkpoint");
    }
}
