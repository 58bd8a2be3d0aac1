using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Hosting;

namespace Strata.Cli.Hosting;

/// <summary>
/// Validates every setting before a command touches storage: the validators the core registers
/// (<see cref="IStartupValidator"/>) run over the configuration, and a value that does not even
/// bind (<c>Strata__Workflow__MaxAttempts=many</c>) is reported the same way, naming the setting.
/// </summary>
internal static partial class SettingsCheck
{
    /// <exception cref="SettingsException">Some setting is wrong; every problem is listed.</exception>
    public static void Validate(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddStrataCore(configuration).AddStrataLocalHost().BuildServiceProvider();
        try
        {
            services.GetService<IStartupValidator>()?.Validate();

            // Options without a start-up validator still bind here, so a value of the wrong type is reported now, by name;
            // those that check themselves when their service starts are checked now too.
            _ = services.GetRequiredService<IOptions<Land.LandOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Workflow.WorkflowOptions>>().Value;
            services.GetRequiredService<IOptions<Runs.RunLeaseOptions>>().Value.Validate();
            services.GetRequiredService<IOptions<Schedules.ScheduleOptions>>().Value.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsException(e.Failures.ToList());
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new SettingsException(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList());
        }
        catch (InvalidOperationException e) when (ConfigurationKey().Match(e.Message) is { Success: true } key)
        {
            // The binder's own error: "Failed to convert configuration value at 'Strata:Workflow:MaxAttempts' to type 'System.Int32'."
            var setting = key.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal);
            var type = TypeName().Match(e.Message) is { Success: true } t ? t.Groups[1].Value : "value of its type";
            throw new SettingsException([$"{setting} is '{configuration[key.Groups[1].Value]}', which is not a valid {type}; see the setting's default in README.md (Configuration)"]);
        }
    }

    [GeneratedRegex(@"'(Strata(?::[^':]+)+)'")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex(@"to type '(?:System\.)?([^']+)'")]
    private static partial Regex TypeName();
}
