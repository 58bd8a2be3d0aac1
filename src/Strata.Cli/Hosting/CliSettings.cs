namespace Strata.Cli.Hosting;

/// <summary>Global options every command shares.</summary>
/// <param name="Pipelines">The pipelines folder (default <c>pipelines</c>, or the demo's the tool ships when there is none).</param>
/// <param name="DataFolder">Where the embedded Azurite, its Node install and the demo PII key live (default <c>.strata</c>).</param>
/// <param name="Fresh">Start the embedded Azurite from empty.</param>
/// <param name="Verbose">Print what each step does and stack traces of unexpected errors.</param>
/// <param name="LogInformation">With <paramref name="Verbose"/>, also log the engine's information events (<c>serve</c>, which has no step printer).</param>
internal sealed record CliSettings(string? Pipelines, string DataFolder, bool Fresh, bool Verbose, bool LogInformation = false);
