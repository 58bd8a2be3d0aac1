namespace Strata.Cli.Hosting;

/// <summary>Settings the CLI read are wrong; each problem names its setting (<c>Strata__Section__Name</c>) and what to give instead.</summary>
internal sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public SettingsException() : this([])
    {
    }

    public SettingsException(string message) : this([message])
    {
    }

    public SettingsException(string message, Exception inner) : base(message, inner)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
