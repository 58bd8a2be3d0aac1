namespace Strata.Lake;

/// <summary>
/// What readers of the lake see and how long superseded files stay. Bound from <c>Strata:Lake</c>
/// (<c>Strata__Lake__RetainVersions</c> and so on). The defaults keep a dataset folder holding
/// exactly the committed files once a run ends, which is what plain folder readers need.
/// </summary>
public sealed class LakeOptions
{
    public const string Section = "Strata:Lake";

    /// <summary>
    /// Delta table versions before the latest whose files stay readable (time travel). Default 0:
    /// a superseded file is deleted as soon as the log version that removes it is written, so a
    /// folder reader never sees two versions of a partition after a run. With N &gt; 0 the files of
    /// the last N versions stay (a folder reader sees both until <c>gc</c> removes them; read the
    /// Delta table instead), and <c>gc</c> deletes them once they fall out.
    /// </summary>
    public int RetainVersions { get; set; }

    /// <summary>
    /// Also keep superseded files removed less than this long ago. Default zero (no time-based
    /// retention). A file is kept while either <see cref="RetainVersions"/> or this keeps it.
    /// </summary>
    public TimeSpan RetainFor { get; set; }

    /// <summary>
    /// <c>gc</c> never deletes an unreferenced blob younger than this: it may be the output of a
    /// build still running (written, not committed yet) or a fragment whose parse has not
    /// committed. Default 6 hours, far above any partition build; lower it only if builds are
    /// short and you want crashed builds' files gone sooner.
    /// </summary>
    public TimeSpan GcGraceAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A Parquet checkpoint (and <c>_last_checkpoint</c>) is written every this many log versions. Default 10, as Delta writers do.</summary>
    public int CheckpointInterval { get; set; } = 10;

    /// <summary>Throws when a value cannot work, naming the setting.</summary>
    public void Validate()
    {
        if (RetainVersions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetainVersions), RetainVersions, "Strata__Lake__RetainVersions must be 0 or more");
        }

        if (RetainFor < TimeSpan.Zero || GcGraceAge < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetainFor), "Strata__Lake__RetainFor and Strata__Lake__GcGraceAge must not be negative");
        }

        if (CheckpointInterval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointInterval), CheckpointInterval, "Strata__Lake__CheckpointInterval must be 1 or more");
        }
    }

    /// <summary>True when a file removed at <paramref name="removedAtVersion"/> and time <paramref name="removedAt"/> must still stay.</summary>
    public bool Retains(long removedAtVersion, DateTimeOffset removedAt, long latestVersion, DateTimeOffset now) =>
        removedAtVersion > latestVersion - RetainVersions || now - removedAt < RetainFor;
}
