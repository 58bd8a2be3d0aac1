using Strata.Definitions;

namespace Strata.Quality;

/// <summary>
/// A row-level expectation: a SQL boolean over one row of a dataset's output. A row meets it
/// only when the expression is true: false and NULL both count as not met (write
/// <c>x IS NULL OR x &gt; 0</c> to let nulls through), the way a filter reads.
/// </summary>
/// <param name="Name">Unique within its source or dataset; names quarantine reasons and counts.</param>
/// <param name="Sql">The boolean expression, over the output's columns.</param>
/// <param name="Action">What a row that does not meet it does.</param>
public sealed record ExpectationDefinition(string Name, string Sql, ExpectationAction Action)
{
    /// <summary>Where it was declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The reason a quarantined row carries.</summary>
    public string Reason => $"expectation {Name}";
}
