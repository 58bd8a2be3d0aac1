namespace Strata.Parquet;

/// <summary>
/// A shared array of definition level 1, so a column without nulls (the common case) is written
/// without building a levels array per row group.
/// </summary>
internal static class DefinitionLevels
{
    private static int[] s_ones = [];

    /// <summary>An array of at least <paramref name="count"/> ones. Never written to by callers.</summary>
    public static int[] Ones(int count)
    {
        var ones = s_ones;
        if (ones.Length >= count)
        {
            return ones;
        }

        // Racing threads may each build one; any of them is correct, the last one wins.
        var grown = new int[Math.Max(count, Math.Max(1024, ones.Length * 2))];
        Array.Fill(grown, 1);
        s_ones = grown;
        return grown;
    }
}
