namespace Strata.Runs;

/// <summary>What a run did, per layer and dataset. This is the document <c>strata run --json</c> prints.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }

    public required string Pipeline { get; init; }

    public required RunStatus Status { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Landing blobs swept at the start of the run.</summary>
    public LandingCounts Landing { get; init; } = new();

    /// <summary>Per source and dataset, in dependency order.</summary>
    public IReadOnlyList<DatasetRunSummary> Datasets { get; init; } = [];

    public long RowsIn => Datasets.Sum(d => d.RowsIn);

    public long RowsWritten => Datasets.Sum(d => d.RowsWritten);

    public long RowsQuarantined => Datasets.Sum(d => d.RowsQuarantined);

    public int PartitionsBuilt => Datasets.Sum(d => d.Built);

    public int PartitionsSkipped => Datasets.Sum(d => d.Skipped);

    public int PartitionsFailed => Datasets.Sum(d => d.Failed);

    /// <summary>Partitions held by failing error checks, over every source and dataset the run stepped through.</summary>
    public int PartitionsHeld => Datasets.Sum(d => d.Held);

    /// <summary>Partitions not built because an input is held.</summary>
    public int PartitionsBlocked => Datasets.Sum(d => d.Blocked.Count);

    /// <summary>Raw blobs quarantined as a whole file this run, over every source.</summary>
    public int FilesQuarantined => Datasets.Sum(d => d.FileQuarantines);

    /// <summary>Semantic drift events found this run, over every source and dataset.</summary>
    public int DataDriftEvents => Datasets.Sum(d => d.DataDrift.Count);

    /// <summary>Set when the start was refused because another run held the pipeline (<see cref="RunStatus.Refused"/>).</summary>
    public LeaseRefusal? Refused { get; init; }

    /// <summary>The summary of a start that ran nothing because another run held the pipeline; its run id is the holder's.</summary>
    public static RunSummary ForRefusal(string pipeline, DateTimeOffset at, LeaseRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new RunSummary { RunId = refusal.RunId, Pipeline = pipeline, Status = RunStatus.Refused, StartedAt = at, EndedAt = at, Refused = refusal };
    }
}

/// <summary>Counts of what the landing sweep found.</summary>
public sealed record LandingCounts(int Landed = 0, int Duplicates = 0, int Unowned = 0);

/// <summary>What a run did to one source or dataset.</summary>
public sealed record DatasetRunSummary
{
    public required string Dataset { get; init; }

    public required string Layer { get; init; }

    /// <summary>Raw blobs parsed (load only).</summary>
    public int BlobsParsed { get; init; }

    public int Built { get; init; }

    /// <summary>Partitions found up to date (fingerprint unchanged).</summary>
    public int Skipped { get; init; }

    public int Failed { get; init; }

    /// <summary>Rebuilt partitions whose rows came out identical, so nothing downstream moved (early cut-off).</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows read: parsed from raw (load) or selected from inputs (integrate/action).</summary>
    public long RowsIn { get; init; }

    public long RowsWritten { get; init; }

    public long RowsQuarantined { get; init; }

    /// <summary>Schema changes recorded (load only): one line per added column or widened type.</summary>
    public IReadOnlyList<string> DriftEvents { get; init; } = [];

    /// <summary>Partition failures (<c>partition: message</c>) and, for a source, raw blobs whose parse failed this run (<c>raw/…: message</c>, retried by the next run).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Raw blobs parsed this run that were quarantined as a whole file (load only): <c>raw/…: file: reason</c>.</summary>
    public IReadOnlyList<string> FilesQuarantined { get; init; } = [];

    /// <summary>Partition checks run in this step (checks whose fingerprint was current are not run again).</summary>
    public int ChecksRun { get; init; }

    /// <summary>Of those, the ones that failed (warn and error).</summary>
    public int ChecksFailed { get; init; }

    /// <summary>Partitions of this source or dataset held by a failing error check after the step (downstream does not build from them).</summary>
    public int Held { get; init; }

    /// <summary>Stale partitions not built because an input they read is held: <c>partition: blocked by check on input/partition</c>.</summary>
    public IReadOnlyList<string> Blocked { get; init; } = [];

    /// <summary>How many raw blobs parsed this run were quarantined as a whole file (the list above keeps at most 50).</summary>
    public int FileQuarantines { get; init; }

    /// <summary>Semantic drift found in the partitions this run built (one line per event; see <c>Quality/Drift</c>).</summary>
    public IReadOnlyList<string> DataDrift { get; init; } = [];

    /// <summary>Why this step makes the run <see cref="RunStatus.CompletedWithWarnings"/> (quarantine over its ratio, a file quarantined).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
