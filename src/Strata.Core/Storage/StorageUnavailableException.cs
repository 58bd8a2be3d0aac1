namespace Strata.Storage;

/// <summary>The lake's storage cannot be reached or is misconfigured. The message says which endpoint and what to check.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }

    public StorageUnavailableException() : base("storage is unavailable")
    {
    }
}
