namespace Strata.Cli.Commands;

/// <summary>What <c>strata</c> exits with, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but some partitions failed (they are retried by the next run).</summary>
    public const int PartitionsFailed = 1;

    /// <summary>A definition, argument or configuration problem: fix and rerun.</summary>
    public const int BadInput = 2;

    /// <summary>Storage could not be reached or prepared.</summary>
    public const int StorageUnavailable = 3;
}
