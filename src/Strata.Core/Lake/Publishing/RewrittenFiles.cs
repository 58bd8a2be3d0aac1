namespace Strata.Lake.Publishing;

/// <summary>Totals of files a publish rewrote at widened types: partitions, rows and bytes.</summary>
public sealed record RewrittenFiles(int Partitions, long Rows, long Bytes)
{
    public static RewrittenFiles None { get; } = new(0, 0, 0);

    internal RewrittenFiles Add(FileEntry file) => new(Partitions + 1, Rows + file.Rows, Bytes + file.Size);
}
