namespace Strata.Runs;

/// <summary>One run of a pipeline as stored in <c>StrataRuns</c>.</summary>
public sealed record RunRecord
{
    /// <summary><c>&lt;pipeline&gt;-&lt;number:D6&gt;</c>.</summary>
    public required string RunId { get; init; }

    public required string Pipeline { get; init; }

    public required long Number { get; init; }

    public required RunStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Who or what started it: <c>cli</c>, <c>http</c>, <c>landing</c>.</summary>
    public string Trigger { get; init; } = "cli";

    public bool Force { get; init; }

    /// <summary>The run summary, once finished.</summary>
    public RunSummary? Summary { get; init; }

    public string? Error { get; init; }

    /// <summary>The run id for a pipeline and number.</summary>
    public static string IdFor(string pipeline, long number) => $"{pipeline}-{number:D6}";

    /// <summary>Splits a run id into pipeline and number; false when it is not one.</summary>
    public static bool TryParseId(string runId, out string pipeline, out long number)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var dash = runId.LastIndexOf('-');
        pipeline = dash > 0 ? runId[..dash] : "";
        number = 0;
        return dash > 0 && long.TryParse(runId.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }
}
