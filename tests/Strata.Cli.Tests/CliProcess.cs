using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>
/// The built <c>strata</c> run as a user runs it: its own process, from a working folder outside
/// the repository, with the environment given. Output is captured; a process still running after
/// the hang guard is killed and the test fails.
/// </summary>
internal static class CliProcess
{
    /// <summary>The hang guard: no command in these tests should come near it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "strata.exe" : "strata");

    public static Task<CliResult> RunAsync(string workingFolder, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(Executable, workingFolder, environment, args);

    public static async Task<CliResult> RunAsync(string executable, string workingFolder, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(executable, workingFolder, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"strata {string.Join(' ', args)} did not exit within {HangGuard}; stderr so far: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }

    /// <summary>Starts the CLI without waiting (a test that acts while it runs reads its output itself).</summary>
    public static Process Start(string executable, string workingFolder, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Process.Start(StartInfo(executable, workingFolder, environment, args)) ?? throw new InvalidOperationException($"could not start {executable}");

    /// <summary>How every test starts the CLI: output redirected, and only the environment the test gives.</summary>
    public static ProcessStartInfo StartInfo(string executable, string workingFolder, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test gives: no Strata__ or Kestrel__ setting of the machine leaks in, nor the test runner's MSBuild variables (for dotnet pack).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Strata__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr, TimeSpan Took)
{
    /// <summary>True when stderr holds a .NET stack trace (<c>   at Namespace.Type.Method(...)</c>).</summary>
    public bool HasStackTrace => Stderr.Split('\n').Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains('(', StringComparison.Ordinal));

    public override string ToString() => $"exit {ExitCode} in {Took.TotalSeconds:0.0}s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
