namespace Strata.Lake.Gc;

/// <summary>What one <c>gc</c> pass found and did.</summary>
/// <param name="Items">Every unreferenced blob, in container and name order.</param>
/// <param name="DryRun">True when nothing was deleted.</param>
/// <param name="Deleted">Blobs actually deleted (a blob rewritten since it was listed is left alone).</param>
public sealed record GcReport(IReadOnlyList<GcItem> Items, bool DryRun, int Deleted)
{
    public long Bytes => Items.Sum(i => i.Size);
}
