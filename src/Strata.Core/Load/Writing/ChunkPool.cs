namespace Strata.Load.Writing;

/// <summary>
/// Free char chunks of one parse. Reused as they are (never cleared: arenas overwrite before
/// reading), so a written row group's text memory serves the next rows without allocation.
/// Holds at most what the string budget allowed to be live at once. Thread-safe (the background
/// writer returns chunks).
/// </summary>
internal sealed class ChunkPool
{
    public const int ChunkChars = 32 * 1024;
    private readonly Stack<char[]> _free = new();
    private readonly Lock _lock = new();

    public char[] Rent(int atLeast)
    {
        if (atLeast <= ChunkChars)
        {
            lock (_lock)
            {
                if (_free.TryPop(out var chunk))
                {
                    return chunk;
                }
            }
        }

        return GC.AllocateUninitializedArray<char>(Math.Max(ChunkChars, atLeast));
    }

    public void Return(char[] chunk)
    {
        if (chunk.Length == ChunkChars)
        {
            lock (_lock)
            {
                _free.Push(chunk);
            }
        }
    }
}
