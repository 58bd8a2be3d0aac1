namespace Strata.Lineage.OpenLineage;

/// <summary>
/// Where OpenLineage run events go besides the lake. Bound from <c>Strata:Lineage</c>
/// (<c>Strata__Lineage__OpenLineageUrl</c> in the environment). Events are always written as JSON
/// lines into the lake (see <see cref="OpenLineageFiles"/>); the URL adds an HTTP consumer.
/// Checked at start by <see cref="OpenLineageOptionsValidator"/>.
/// </summary>
public sealed class OpenLineageOptions
{
    public const string Section = "Strata:Lineage";

    /// <summary>
    /// The consumer's endpoint; every event is POSTed to it as JSON (Marquez:
    /// <c>http://host:5000/api/v1/lineage</c>). Default: none — events go to the lake only.
    /// </summary>
    public Uri? OpenLineageUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer &lt;key&gt;</c>, as OpenLineage's HTTP transport does. Default: none (no header).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The namespace of Strata's jobs (<c>&lt;pipeline&gt;.&lt;dataset&gt;</c>). Default <c>strata</c>. OpenLineage
    /// names a job's namespace after the scheduler that runs it; give each lake its own
    /// (<c>strata-prod</c>, <c>strata-dev</c>) when several report to one consumer, or their jobs merge.
    /// </summary>
    public string JobNamespace { get; set; } = "strata";

    /// <summary>
    /// The longest one event may take to send, retries included. Default 10 s. The trade-off: a
    /// longer bound rides out a slower consumer; a shorter one bounds what a hanging consumer can add
    /// to a dataset step. Each attempt gets an equal share of it.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per event (the first and its retries) on connection errors, timeouts, 408, 429 and 5xx. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// After events fail to send, how long sending is skipped (events still go to the lake), so a
    /// consumer that is down costs a run the <see cref="SendTimeout"/> of a few events, not of every
    /// event. Default 1 minute.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);
}
