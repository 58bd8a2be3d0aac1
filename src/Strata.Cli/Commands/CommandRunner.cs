using Azure;
using Microsoft.Extensions.Options;
using Strata.Cli.Hosting;
using Strata.Cli.Output;
using Strata.Definitions;
using Strata.Land;
using Strata.Security;
using Strata.Storage;

namespace Strata.Cli.Commands;

/// <summary>
/// Starts the host for a command and turns every error into a message a person can act on and an
/// exit code (<see cref="ExitCodes"/>): no stack trace unless <c>--verbose</c> asks for it.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliSettings settings, Func<CliHost, Task<int>> command, CancellationToken ct)
    {
        string? storage = null;
        try
        {
            await using var host = await CliHost.StartAsync(settings, ct);
            storage = host.Get<LakeStorage>().Description;
            return await command(host);
        }
        catch (Exception e)
        {
            return Report(e, storage, settings.Verbose, ct);
        }
    }

    /// <summary>Prints what went wrong and returns the exit code for it.</summary>
    public static int Report(Exception e, string? storage, bool verbose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case SettingsException settings:
                foreach (var problem in settings.Problems)
                {
                    CliConsole.Error(problem);
                }

                return ExitCodes.BadInput;
            case OptionsValidationException options:
                foreach (var failure in options.Failures)
                {
                    CliConsole.Error(failure);
                }

                return ExitCodes.BadInput;
            case DefinitionException or UnknownPipelineException or PiiKeyException or LandingNameException:
                CliConsole.Error(e.Message);
                return ExitCodes.BadInput;
            case OperationCanceledException when ct.IsCancellationRequested:
                CliConsole.Error("stopped; run the command again to go on where it stopped", "stopped");
                return ExitCodes.Stopped;
        }

        if (Find<StorageUnavailableException>(e) is { } unavailable)
        {
            CliConsole.Error(unavailable.Message, "storage");
            return ExitCodes.StorageUnavailable;
        }

        if (Find<RequestFailedException>(e) is { } refused)
        {
            CliConsole.Error(StorageErrors.Describe(refused, storage), "storage");
            return ExitCodes.StorageUnavailable;
        }

        CliConsole.Error($"{e.GetType().Name}: {e.Message}");
        if (verbose)
        {
            Console.Error.WriteLine(e.ToString());
        }
        else
        {
            CliConsole.Note("(--verbose prints the stack trace)");
        }

        return ExitCodes.PartitionsFailed;
    }

    /// <summary>The first exception of type <typeparamref name="T"/> among <paramref name="e"/>, its inner exceptions and aggregated ones.</summary>
    private static T? Find<T>(Exception? e) where T : Exception => e switch
    {
        null => null,
        T match => match,
        AggregateException a => a.InnerExceptions.Select(Find<T>).FirstOrDefault(x => x is not null),
        _ => Find<T>(e.InnerException),
    };
}
