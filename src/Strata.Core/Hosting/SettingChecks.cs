using Microsoft.Extensions.Options;

namespace Strata.Hosting;

/// <summary>Start-up checks of options values, failing with a message that names the setting as users write it.</summary>
public static class SettingChecks
{
    /// <summary>Throws unless <paramref name="value"/> is at least <paramref name="minimum"/>.</summary>
    /// <typeparam name="TOptions">The options class the setting belongs to.</typeparam>
    public static void AtLeast<TOptions>(string section, string name, TimeSpan value, TimeSpan minimum, TimeSpan defaultValue)
    {
        if (value < minimum)
        {
            throw new OptionsValidationException(section, typeof(TOptions),
                [$"{section}:{name} must be at least {minimum} (it is {value}); the default is {defaultValue}"]);
        }
    }
}
