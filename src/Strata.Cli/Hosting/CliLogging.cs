using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Hosting;

/// <summary>
/// Logging for every command and <c>strata serve</c>: one line per event on stderr (stdout stays
/// for results, so <c>--json</c> output is clean), messages escaped — log lines quote landing
/// names, which come from outside. Warnings by default; <c>--verbose</c> adds information events.
/// </summary>
internal static class CliLogging
{
    /// <param name="logging">The builder.</param>
    /// <param name="verbose">Log information events too.</param>
    /// <param name="runEvents">
    /// Log the workflow's and activities' errors. Commands that print a run's summary (or its
    /// steps) leave them out: every failure they report is in that summary already, and a storage
    /// outage ends the command with its own message. Their warnings (a run waiting for another) stay.
    /// </param>
    public static ILoggingBuilder AddCliConsole(this ILoggingBuilder logging, bool verbose, bool runEvents = true) =>
        logging
            .AddFilter((category, level) => runEvents || level < LogLevel.Error || !IsRunCategory(category))
            .AddConsole(o =>
            {
                o.FormatterName = LineFormatter.FormatterName;
                o.LogToStandardErrorThreshold = LogLevel.Trace;
            })
            .AddConsoleFormatter<LineFormatter, ConsoleFormatterOptions>()
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);

    private static bool IsRunCategory(string? category) =>
        category is not null && (category.StartsWith("Strata.Workflow", StringComparison.Ordinal) || category.StartsWith("Strata.Activities", StringComparison.Ordinal));

    private sealed class LineFormatter() : ConsoleFormatter(FormatterName)
    {
        public const string FormatterName = "strata-line";

        public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
        {
            var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
            if (logEntry.Exception is { } e)
            {
                message += $" ({e.GetType().Name}: {e.Message})";
            }

            var level = logEntry.LogLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warn",
                _ => "info",
            };
            textWriter.WriteLine($"{level}: {TerminalText.Escape(message)}");
        }
    }
}
