namespace Strata.Quality;

/// <summary>What a row that does not meet an expectation does.</summary>
public enum ExpectationAction
{
    /// <summary>The row is kept and counted.</summary>
    Warn,

    /// <summary>The row goes to quarantine with reason <c>expectation &lt;name&gt;</c> and is counted.</summary>
    Quarantine,

    /// <summary>The partition fails (nothing is committed) and the run reports why.</summary>
    Fail,
}
