namespace Strata.Quality;

/// <summary>
/// An expectation with action <c>fail</c> was not met: the partition is not committed (its previous
/// version, if any, stays) and the run reports this message as the partition's failure.
/// </summary>
public sealed class ExpectationFailedException : Exception
{
    public ExpectationFailedException(string dataset, string partition, string expectation, long rows, string sql)
        : base($"{dataset} [{partition}]: {rows} row(s) do not meet expectation '{expectation}' ({sql}), whose action is fail; fix the input data or the expectation in pipeline.yaml, then run again")
    {
    }

    public ExpectationFailedException() : base("an expectation with action fail was not met")
    {
    }

    public ExpectationFailedException(string message) : base(message)
    {
    }

    public ExpectationFailedException(string message, Exception inner) : base(message, inner)
    {
    }
}
