namespace Strata.Lake.Publishing;

/// <summary>What one publish did to a table.</summary>
/// <param name="Version">The log version written, or null when nothing needed writing.</param>
/// <param name="Added">Files the version added.</param>
/// <param name="Removed">Files the version removed (superseded).</param>
/// <param name="Deleted">Blobs deleted once the version was durable (superseded and never-published files).</param>
/// <param name="Conformed">Partitions rewritten at widened types.</param>
public sealed record PublishResult(long? Version, int Added, int Removed, int Deleted, int Conformed)
{
    /// <summary>Partitions committed by earlier runs that this publish rewrote at widened types: output the step wrote besides its builds.</summary>
    public RewrittenFiles Rewritten { get; init; } = RewrittenFiles.None;

    public static PublishResult Nothing { get; } = new(null, 0, 0, 0, 0);
}
