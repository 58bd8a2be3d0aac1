using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Strata.Quality.Profiles;
using Strata.Storage;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Tests.Quality.Profiles;

/// <summary>
/// Profiles add no second read of the data: the same load on Azurite, with profiles off and on,
/// reads the same bytes — from storage (response bodies) and from local files (this process's
/// <c>rchar</c> in <c>/proc/self/io</c>, which counts DuckDB's native reads too). Profiling the
/// committed files by reading them back, as before, reads every partition's bytes again and fails.
/// </summary>
[Collection(SerialAzuriteCollection.Name)]
public sealed class ProfileReadTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const string Yaml = """
        sources:
          readings:
            landing: readings/
            format: csv
            partition: { column: ts, grain: day }
        """;

    private readonly TestPipelines _folder = new TestPipelines().Write("meter", Yaml);

    [Fact]
    public async Task Load_WithProfiles_ReadsNoMoreBytesThanWithout_FromStorageOrLocalFiles()
    {
        await LoadAsync(profiles: true); // warm-up: JIT, DuckDB and Parquet code paths, so neither measured run pays them

        var off = await LoadAsync(profiles: false);
        var on = await LoadAsync(profiles: true);

        Assert.Equal(0, off.Profiles);
        Assert.Equal(3, on.Profiles); // day 2 is merged from both files, days 1 and 3 are copies of one fragment
        // A second read of the output would add every partition's bytes; a tenth of them is room for noise only.
        var slack = on.PartitionBytes / 10;
        output.WriteLine($"storage bytes read: off {off.StorageBytes:N0}, on {on.StorageBytes:N0}; local file bytes read: off {off.FileBytes:N0}, on {on.FileBytes:N0}; partitions {on.PartitionBytes:N0} bytes");
        Assert.True(on.PartitionBytes > 500_000, $"the partitions ({on.PartitionBytes} bytes) are too small to show a second read");
        Assert.True(on.StorageBytes <= off.StorageBytes + slack, $"storage: {on.StorageBytes} bytes read with profiles, {off.StorageBytes} without");
        Assert.True(on.FileBytes <= off.FileBytes + slack, $"local files: {on.FileBytes} bytes read with profiles, {off.FileBytes} without (partitions {on.PartitionBytes} bytes)");
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(long StorageBytes, long FileBytes, long PartitionBytes, int Profiles)> LoadAsync(bool profiles)
    {
        var counter = new BytesRead();
        var settings = new Dictionary<string, string?> { [$"{ProfileOptions.Section}:Enabled"] = profiles ? "true" : "false" };
        await using var lake = await TestLake.CreateAsync(azurite, _folder.Root, settings, counter);
        await lake.LandAsync("readings/a.csv", Csv(0, 60_000));
        await lake.LandAsync("readings/b.csv", Csv(50_000, 50_000));

        counter.Reset();
        var before = FileBytesRead();
        var run = await lake.RunAsync("meter");
        var files = FileBytesRead() - before;

        Assert.Equal(3, run.Datasets.Single().Built);
        var stored = await lake.Get<ProfileStore>().AllAsync("readings", CancellationToken.None);
        long bytes = 0;
        foreach (var day in new[] { "2026-11-20", "2026-11-21", "2026-11-22" })
        {
            var record = await lake.PartitionAsync("readings", day);
            bytes += (await lake.Storage.Container(LakeContainers.Load).GetBlobClient(record!.OutputPath).GetPropertiesAsync()).Value.ContentLength;
        }

        return (counter.Bytes, files, bytes, stored.Count);
    }

    /// <summary>Rows every 2.16 s from 2026-11-20 (40,000 a day: a holds days 20 and 21, b days 21 and 22); high-cardinality text and numbers so files do not shrink to nothing.</summary>
    private static string Csv(int from, int count)
    {
        var text = new StringBuilder("id,ts,meter,value,state\n");
        var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        for (var i = from; i < from + count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{start.AddSeconds(i * 2.16):yyyy-MM-dd'T'HH:mm:ss.ff'Z'},m-{(i * 7919) % 100_003},{Math.Sin(i) * 1000:R},{(i % 4 == 0 ? "on" : "off")}\n");
        }

        return text.ToString();
    }

    /// <summary>Bytes this process has read through read()/pread(): local files (and DuckDB's reads of them), not sockets.</summary>
    private static long FileBytesRead() =>
        long.Parse(File.ReadAllLines("/proc/self/io").Single(l => l.StartsWith("rchar:", StringComparison.Ordinal))["rchar:".Length..].Trim(), CultureInfo.InvariantCulture);

    /// <summary>Counts the body bytes of every storage response.</summary>
    private sealed class BytesRead : HttpPipelinePolicy
    {
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Reset() => Interlocked.Exchange(ref _bytes, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            if (message.HasResponse && message.Response.Headers.ContentLength is { } length)
            {
                Interlocked.Add(ref _bytes, length);
            }
        }
    }
}
