using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Cli.Hosting;
using Strata.Partitions;
using Strata.Storage;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Cli.Tests;

/// <summary>
/// Storage lost in the middle of a run, as a user meets it: the built CLI runs against an Azurite
/// this test owns; the emulator is stopped while the run is building; the CLI must give up within
/// its bound with exit code 3 and a message naming the endpoint (no stack trace), and once the
/// emulator is back on the same data, a rerun must leave the lake exact.
/// In the Azurite collection (without using its emulator) so this heavy test runs alone, not
/// alongside the assembly's other tests on a small machine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Files = 24;
    private const int Days = 30;

    private static readonly DateOnly First = new(2026, 3, 1);

    private OwnAzurite _azurite = null!;
    private CliWorkspace _workspace = null!;

    public async Task InitializeAsync()
    {
        _azurite = await OwnAzurite.StartAsync();
        _workspace = new CliWorkspace(_azurite.ConnectionString).Pipeline("shop", EventsPipeline.Yaml, EventsPipeline.Sql);
        _workspace.Environment["Strata__Storage__UnreachableTimeout"] = "00:00:10";
        _workspace.Environment["Strata__Storage__NetworkTimeout"] = "00:00:05";
        _workspace.Environment["Strata__Workflow__FirstRetryInterval"] = "00:00:00.200";
        _workspace.Environment["Strata__Workflow__MaxRetryInterval"] = "00:00:02";

        // The stopped run cannot release its hold on the pipeline (storage is gone): the rerun waits for it to lapse.
        _workspace.Environment["Strata__Runs__LeaseDuration"] = "00:00:05";
    }

    public async Task DisposeAsync()
    {
        _workspace.Dispose();
        await _azurite.DisposeAsync();
    }

    [Theory]
    [InlineData("kill")]
    [InlineData("interrupt")]
    public async Task StorageStoppedMidRun_ExitsWithCode3NamingTheEndpoint_AndARerunRecoversExactly(string how)
    {
        for (var f = 0; f < Files; f++)
        {
            _workspace.File($"drops/e{f:D2}.csv", Events(f));
        }

        var landed = await _workspace.RunAsync("land", "--prefix", "shop/events", Path.Combine(_workspace.Folder, "drops"));
        Assert.True(landed.ExitCode == 0, landed.ToString());

        // Azurite keeps its metadata in memory and saves it every few seconds; a graceful restart puts the landed files on disk,
        // so what the kill below can lose is the run's own writes — what a rerun must recover from.
        await _azurite.StopAsync("interrupt");
        await _azurite.RestartAsync();

        using var run = CliProcess.Start(CliProcess.Executable, _workspace.Folder, _workspace.Environment, "run", "shop");
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        var building = new TaskCompletionSource();
        run.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            // Stop storage once the run is into the load layer's work.
            if (e.Data?.Contains("load...", StringComparison.Ordinal) == true)
            {
                building.TrySetResult();
            }
        };
        run.BeginErrorReadLine();
        await building.Task.WaitAsync(CliProcess.HangGuard);
        await _azurite.StopAsync(how);
        var stopped = Stopwatch.StartNew();
        await run.WaitForExitAsync().WaitAsync(CliProcess.HangGuard);
        var took = stopped.Elapsed;
        var result = new CliResult(run.ExitCode, await stdout, stderr.ToString(), took);
        output.WriteLine($"storage stopped ({how}); the CLI exited {result.ExitCode} {took.TotalSeconds:0.0} s later:\n{result.Stderr}");

        // The bound is the 10 s setting plus one network timeout and one retry interval; two minutes leaves room for a loaded machine.
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.True(took < TimeSpan.FromMinutes(2), result.ToString());
        Assert.Contains("storage: the lake's storage at http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("has not answered", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());

        await _azurite.RestartAsync();
        var rerun = await _workspace.RunAsync("run", "shop");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(Expected(), await DailyAsync());
    }

    /// <summary>File f holds a row for every third day (the days d with d + f divisible by 3), amount f * 100 + d: files overlap on days.</summary>
    private static string Events(int file)
    {
        var csv = new StringBuilder("at,amount\n");
        foreach (var day in Enumerable.Range(0, Days).Where(d => (d + file) % 3 == 0))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{First.AddDays(day):yyyy-MM-dd}T08:00:00Z,{(file * 100) + day}\n");
        }

        return csv.ToString();
    }

    private static SortedDictionary<string, (long Events, long Amount)> Expected()
    {
        var expected = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var day in Enumerable.Range(0, Days))
        {
            var files = Enumerable.Range(0, Files).Where(f => (day + f) % 3 == 0).ToList();
            expected[First.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] = (files.Count, files.Sum(f => (f * 100L) + day));
        }

        return expected;
    }

    /// <summary>Every committed daily partition's rows, read back with DuckDB.</summary>
    private async Task<SortedDictionary<string, (long Events, long Amount)>> DailyAsync()
    {
        var overrides = _workspace.Environment.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value);
        await using var host = await CliHost.StartAsync(new CliSettings(_workspace.Pipelines, Path.Combine(_workspace.Folder, ".strata"), Fresh: false, Verbose: false), CancellationToken.None, overrides);
        var actual = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
        var integrate = host.Get<LakeStorage>().Container(LakeContainers.Integrate);
        await foreach (var partition in host.Get<PartitionStore>().ListAsync("daily", CancellationToken.None))
        {
            var local = Path.Combine(_workspace.Folder, $"{partition.Partition}.parquet");
            await integrate.GetBlobClient(partition.OutputPath).DownloadToAsync(local);
            var row = DuckDbReader.Query($"SELECT events, amount FROM read_parquet({DuckDbReader.Quote(local)})").Single();
            actual[partition.Partition] = (Convert.ToInt64(row["events"], CultureInfo.InvariantCulture), Convert.ToInt64(row["amount"], CultureInfo.InvariantCulture));
        }

        return actual;
    }
}
