using System.Diagnostics;
using System.Text;

namespace Strata.Cli.Tests;

/// <summary>
/// A real <c>strata</c> process left running while the test acts on it: started as
/// <see cref="CliProcess"/> starts every CLI process, its output captured line by line as it comes.
/// Killed if still running when disposed.
/// </summary>
internal sealed class StrataProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StrataProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static StrataProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(CliProcess.Executable, workingDirectory, environment, args);
        var process = new Process { StartInfo = start };
        var strata = new StrataProcess(process);
        process.OutputDataReceived += (_, e) => strata.Append(e.Data);
        process.ErrorDataReceived += (_, e) => strata.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return strata;
    }

    /// <summary>Waits for the exit code; fails the test with the output if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"strata (pid {Id}) did not exit within {timeout}; output so far:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails the test with the output otherwise.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(!_process.HasExited || Output.Contains(text, StringComparison.Ordinal), $"strata (pid {Id}) exited without printing '{text}':\n{Output}");
            Assert.True(waited.Elapsed < timeout, $"strata (pid {Id}) did not print '{text}' within {timeout}; output so far:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the process (and any children) at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
