namespace Strata.Cli.Commands;

/// <summary>What <c>strata</c> exits with, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but some partitions failed (they are retried by the next run); also an unexpected error.</summary>
    public const int PartitionsFailed = 1;

    /// <summary>A definition, argument or configuration problem: fix and rerun.</summary>
    public const int BadInput = 2;

    /// <summary>Storage could not be reached or prepared, or refused what was asked of it; the message names the storage.</summary>
    public const int StorageUnavailable = 3;

    /// <summary><c>land</c>: some files landed nowhere — no source's landing prefix matches them (they stay in landing) or their name cannot be landed.</summary>
    public const int LandedNowhere = 4;

    /// <summary>
    /// <c>run</c>: everything built, but the run ended <c>CompletedWithWarnings</c>: a source quarantined
    /// more than its <c>max_quarantine_ratio</c> of its rows, or a whole file. The data committed is
    /// good; what was quarantined needs a look. Failures (1) outrank it.
    /// </summary>
    public const int CompletedWithWarnings = 5;

    /// <summary>Stopped by Ctrl+C (the shell's convention: 128 + SIGINT).</summary>
    public const int Stopped = 130;
}
