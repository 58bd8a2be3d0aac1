namespace Strata.Cli.Output;

/// <summary>Messages for a person on stderr, one line each, escaped (<see cref="TerminalText"/>): a name inside a message cannot break the line or drive the terminal.</summary>
internal static class CliConsole
{
    /// <summary><c>label: message</c> on stderr.</summary>
    public static void Error(string message, string label = "error") => Console.Error.WriteLine($"{label}: {TerminalText.Escape(message)}");

    /// <summary>A note on stderr (progress, what is being used).</summary>
    public static void Note(string message) => Console.Error.WriteLine(TerminalText.Escape(message));
}
