using Microsoft.Extensions.Options;
using Strata.Hosting;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// Checks <see cref="OpenLineageOptions"/> when the host starts, so a URL that cannot be a consumer
/// or a bound that cannot work stops the host with the setting's name, instead of every event being
/// dropped with a warning.
/// </summary>
public sealed class OpenLineageOptionsValidator : IValidateOptions<OpenLineageOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenLineageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.OpenLineageUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{Setting(nameof(options.OpenLineageUrl))} is '{url}': give the consumer's absolute http(s) URL, such as http://marquez:5000/api/v1/lineage");
        }

        if (string.IsNullOrWhiteSpace(options.JobNamespace))
        {
            errors.Add($"{Setting(nameof(options.JobNamespace))} is empty: give a namespace for Strata's jobs (default strata)");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{Setting(nameof(options.MaxAttempts))} is {options.MaxAttempts}: it must be 1 or more (1 = no retry; default 3)");
        }

        if (options.SendTimeout < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"{Setting(nameof(options.SendTimeout))} is {options.SendTimeout}: it must be at least 00:00:00.010 (default 00:00:10)");
        }

        if (options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{Setting(nameof(options.BreakDuration))} is {options.BreakDuration}: it must be at least 00:00:00.500 (default 00:01:00)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Setting(string property) => StrataOptionsValidator.Setting(OpenLineageOptions.Section, property);
}
