using Strata.Cli.Hosting;
using Strata.Definitions;
using Strata.Security;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary>Starts the host for a command and turns the errors users act on into a message and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliSettings settings, Func<CliHost, Task<int>> command, CancellationToken ct)
    {
        try
        {
            await using var host = await CliHost.StartAsync(settings, ct);
            return await command(host);
        }
        catch (Exception e) when (e is DefinitionException or UnknownPipelineException or PiiKeyException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (StorageUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"storage: {e.Message}");
            return ExitCodes.StorageUnavailable;
        }
    }
}
