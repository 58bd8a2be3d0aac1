using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strata.Runs;

/// <summary>
/// The run leases of this process: what makes runs of one pipeline never overlap, across hosts and
/// processes. <c>StartRun</c> takes the lease (<see cref="AcquireAsync"/>), <c>CompleteRun</c> ends it
/// (<see cref="ReleaseAsync"/>); in between it is kept alive outside the workflow, which may do no I/O:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>a host that runs the whole workflow in its process (the local host) holds the pipeline open
/// (<see cref="Hold"/>) and the lease is renewed on a timer every <see cref="RunLeaseOptions.RenewInterval"/>;
/// when the hold closes before <c>CompleteRun</c> (the run failed or was stopped) the lease is released
/// at once and the run recorded as failed, so the next run need not wait for it to lapse;</item>
/// <item>in any host, each framing activity of the run (<see cref="TouchAsync"/>) renews it when a
/// renewal is due, which is what keeps a Durable run's lease, whose activities move between workers;</item>
/// <item>a holder that crashed renews nothing: its lease lapses after <see cref="RunLeaseOptions.LeaseDuration"/>
/// and the next run takes over and resumes from what was committed.</item>
/// </list>
/// </remarks>
public sealed partial class RunLeaseKeeper : IDisposable
{
    private readonly PipelineStateStore _states;
    private readonly RunStore _runs;
    private readonly RunLeaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RunLeaseKeeper> _log;
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _renewed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private int _renewing;

    public RunLeaseKeeper(PipelineStateStore states, RunStore runs, IOptions<RunLeaseOptions> options, TimeProvider time, ILogger<RunLeaseKeeper> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _states = states;
        _runs = runs;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>How often a start that waits for the lease asks again (<see cref="RunLeaseOptions.WaitPollInterval"/>).</summary>
    public TimeSpan WaitPollInterval => _options.WaitPollInterval;

    /// <summary>This process, as lease holders are named: <c>machine/pid</c>.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>
    /// Takes the pipeline's lease for a new run, or finds it held (see
    /// <see cref="PipelineStateStore.TryStartRunAsync"/>). A run whose lease had lapsed is recorded as failed.
    /// </summary>
    public async Task<LeaseAttempt> AcquireAsync(string pipeline, bool markDirtyWhenHeld, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var attempt = await _states.TryStartRunAsync(pipeline, Holder, now, _options.LeaseDuration, markDirtyWhenHeld, ct);
        if (!attempt.Acquired)
        {
            return attempt;
        }

        var runId = attempt.State.ActiveRunId!;
        _held[pipeline] = runId;
        _renewed[runId] = now;
        if (attempt.LapsedRunId is { } lapsed)
        {
            LogTakenOver(pipeline, runId, lapsed);
            await _runs.FailAsync(lapsed, $"its lease lapsed (the process running it stopped renewing: it crashed or lost storage); run {runId} took over and resumed from what was committed", now, ct);
        }

        return attempt;
    }

    /// <summary>A framing activity of <paramref name="runId"/> ran here: renews its lease if a renewal is due.</summary>
    public async Task TouchAsync(string runId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (!RunRecord.TryParseId(runId, out var pipeline, out _) || (_renewed.TryGetValue(runId, out var last) && now - last < _options.RenewInterval))
        {
            return;
        }

        await RenewAsync(pipeline, runId, ct);
    }

    /// <summary>Ends the run's lease; returns whether the pipeline was marked dirty during the run.</summary>
    public async Task<bool> ReleaseAsync(string pipeline, string runId, CancellationToken ct)
    {
        _held.TryRemove(KeyValuePair.Create(pipeline, runId));
        _renewed.TryRemove(runId, out _);
        return await _states.EndRunAsync(pipeline, runId, ct);
    }

    /// <summary>
    /// Holds the pipeline's runs in this process open until disposed: their leases are renewed on a
    /// timer, and a run still holding the lease at disposal (it never reached <c>CompleteRun</c>) is
    /// released and recorded as failed.
    /// </summary>
    public IAsyncDisposable Hold(string pipeline)
    {
        lock (_open)
        {
            _open[pipeline] = _open.GetValueOrDefault(pipeline) + 1;
            _timer ??= _time.CreateTimer(_ => _ = RenewOpenAsync(), null, _options.RenewInterval, _options.RenewInterval);
        }

        return new Holding(this, pipeline);
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>Renews every lease held open in this process (the timer's work).</summary>
    internal async Task RenewOpenAsync()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            List<string> open;
            lock (_open)
            {
                open = [.. _open.Keys];
            }

            foreach (var pipeline in open)
            {
                if (_held.TryGetValue(pipeline, out var runId))
                {
                    await RenewAsync(pipeline, runId, CancellationToken.None);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    private async Task RenewAsync(string pipeline, string runId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        try
        {
            if (await _states.RenewAsync(pipeline, runId, now, _options.LeaseDuration, ct) is null)
            {
                // It lapsed and another run took the pipeline, or the run already ended: nothing left to keep.
                _renewed.TryRemove(runId, out _);
                if (_held.TryRemove(KeyValuePair.Create(pipeline, runId)))
                {
                    LogLost(pipeline, runId);
                }

                return;
            }

            _renewed[runId] = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next renewal tries again; the lease lapses only if every one fails for a whole lease duration.
            LogRenewFailed(pipeline, runId, e.Message);
        }
    }

    private async ValueTask CloseAsync(string pipeline)
    {
        lock (_open)
        {
            if (--_open[pipeline] > 0)
            {
                // Another hold on the pipeline is still open in this process: the run is its to end.
                return;
            }

            _open.Remove(pipeline);
        }

        if (!_held.TryGetValue(pipeline, out var runId))
        {
            return;
        }

        try
        {
            await ReleaseAsync(pipeline, runId, CancellationToken.None);
            await _runs.FailAsync(runId, "the run stopped before it ended (failed or cancelled); the next run resumes from what was committed", _time.GetUtcNow(), CancellationToken.None);
            LogAbandoned(pipeline, runId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is unreachable: the lease lapses by itself after LeaseDuration.
            LogRenewFailed(pipeline, runId, e.Message);
        }
    }

    private sealed class Holding(RunLeaseKeeper keeper, string pipeline) : IAsyncDisposable
    {
        private int _closed;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _closed, 1) == 0 ? keeper.CloseAsync(pipeline) : ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Run {RunId} of {Pipeline} took over from run {LapsedRunId}, whose lease had lapsed")]
    private partial void LogTakenOver(string pipeline, string runId, string lapsedRunId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Run {RunId} no longer holds {Pipeline}: its lease lapsed or the run ended; commits stay exact, but another run may overlap it")]
    private partial void LogLost(string pipeline, string runId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Renewing the lease of run {RunId} on {Pipeline} failed, retrying: {Error}")]
    private partial void LogRenewFailed(string pipeline, string runId, string error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Run {RunId} of {Pipeline} stopped before it ended; its lease is released and the run recorded as failed")]
    private partial void LogAbandoned(string pipeline, string runId);
}
