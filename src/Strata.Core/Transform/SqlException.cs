namespace Strata.Transform;

/// <summary>The engine rejected a dataset's SQL for one partition. The message names the dataset, partition and the engine's words.</summary>
public sealed class SqlException : Exception
{
    public SqlException(string dataset, string partition, string engineMessage, Exception? inner = null)
        : base($"{dataset} [{partition}]: {engineMessage}", inner)
    {
        Dataset = dataset;
        Partition = partition;
    }

    public SqlException() : this("", "", "SQL failed")
    {
    }

    public SqlException(string message) : this("", "", message)
    {
    }

    public SqlException(string message, Exception inner) : this("", "", message, inner)
    {
    }

    public string Dataset { get; }

    public string Partition { get; }
}
