namespace Strata.Load.Writing;

/// <summary>
/// What one parse has allocated for buffering rows, against <see cref="LoadEngineOptions.MaxBufferedCells"/>
/// and <see cref="LoadEngineOptions.MaxBufferedStringBytes"/>. Counts capacity, not rows, so the
/// bound holds for the memory actually held. Thread-safe: the background row-group writer gives
/// memory back while the parsing thread takes it.
/// </summary>
internal sealed class BufferBudget(long maxCells, long maxStringBytes)
{
    private readonly Lock _lock = new();
    private long _cells;
    private long _stringBytes;
    private long _peakCells;
    private long _peakStringBytes;

    public long MaxCells { get; } = maxCells;

    public long MaxStringBytes { get; } = maxStringBytes;

    public long PeakCells
    {
        get
        {
            lock (_lock)
            {
                return _peakCells;
            }
        }
    }

    public long PeakStringBytes
    {
        get
        {
            lock (_lock)
            {
                return _peakStringBytes;
            }
        }
    }

    public bool StringsOverBudget => Volatile.Read(ref _stringBytes) > MaxStringBytes;

    public void AddCells(long cells)
    {
        lock (_lock)
        {
            _cells += cells;
            _peakCells = Math.Max(_peakCells, _cells);
        }
    }

    public void AddStringBytes(long bytes)
    {
        lock (_lock)
        {
            _stringBytes += bytes;
            _peakStringBytes = Math.Max(_peakStringBytes, _stringBytes);
        }
    }
}
