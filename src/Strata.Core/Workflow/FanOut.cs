namespace Strata.Workflow;

/// <summary>Fan-out helpers that stay deterministic: the order of calls depends only on the input list.</summary>
internal static class FanOut
{
    /// <summary>
    /// Calls <paramref name="call"/> for every item, at most <paramref name="batchSize"/> in flight
    /// per wave. Used for parsing, where each call is already a whole file's work.
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> InBatchesAsync<TItem, TResult>(IReadOnlyList<TItem> items, int batchSize, Func<TItem, Task<TResult>> call)
    {
        var results = new List<TResult>(items.Count);
        foreach (var chunk in items.Chunk(Math.Max(1, batchSize)))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(call)));
        }

        return results;
    }
}
