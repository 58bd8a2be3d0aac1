using System.Diagnostics;
using System.Text.Json;

namespace Strata.Bench;

/// <summary>Runs a probe mode of this benchmark in a fresh process and returns the JSON line it prints last, so each run's peak memory is its own.</summary>
internal static class ChildProbe
{
    public static async Task<JsonElement> RunAsync(string mode, params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(ChildProbe).Assembly.Location);
        }

        info.ArgumentList.Add(mode);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info)!;
        var stdout = await child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{mode} failed ({child.ExitCode}): {stderr}");
        }

        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
