namespace Strata.Cli.Hosting;

/// <summary>Global options every command shares.</summary>
/// <param name="Pipelines">The pipelines folder (default <c>pipelines</c>).</param>
/// <param name="DataFolder">Where the embedded Azurite and the demo PII key live (default <c>.strata</c>).</param>
/// <param name="Fresh">Start the embedded Azurite from empty.</param>
/// <param name="Verbose">Log at Information instead of Warning.</param>
internal sealed record CliSettings(string? Pipelines, string DataFolder, bool Fresh, bool Verbose);
