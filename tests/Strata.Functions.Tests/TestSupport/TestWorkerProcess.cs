using System.Collections.Concurrent;
using System.Diagnostics;

namespace Strata.Functions.Tests.TestSupport;

/// <summary>
/// One Strata.Functions.TestWorker process: a worker of a task hub on the Azure Storage provider,
/// started with the lake's settings as environment variables (as the Functions host passes app
/// settings). Its standard output says which orchestrator episodes and activities it ran.
/// </summary>
public sealed class TestWorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestWorkerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>Lines printed so far: <c>orchestrator RunPipeline</c>, <c>activity ParseRawBlob</c>, …</summary>
    public ConcurrentQueue<string> Runs { get; } = new();

    public string Errors => string.Join('\n', _errors);

    public static async Task<TestWorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string taskHub)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Strata.Functions.TestWorker.dll"));
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["StrataTestWorker__TaskHub"] = taskHub;
        var worker = new TestWorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet for the test worker"));
        worker._process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        worker._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                worker._errors.Enqueue(e.Data);
            }
        };
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        await worker._ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return worker;
    }

    /// <summary>Kills the worker by its process id, as a crashed or scaled-in instance disappears: no shutdown, leases and messages left as they are.</summary>
    public void Kill()
    {
        using var process = Process.GetProcessById(Pid);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // Closing standard input asks the worker to stop gracefully and release its leases.
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _ready.TrySetException(new InvalidOperationException($"the test worker exited before it was ready: {Errors}"));
            return;
        }

        if (line.StartsWith(Strata.Functions.TestWorker.WorkerProcess.Ready, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
        else
        {
            Runs.Enqueue(line);
        }
    }
}
