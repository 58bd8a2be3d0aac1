namespace Strata.Status;

/// <summary>One quarantined row or file: where it came from, why, and its raw text.</summary>
public sealed record QuarantineRecord(string Source, string RawBlob, long Line, string Reason, string? Raw);

/// <summary>A page of quarantine records and the token for the next page (null at the end).</summary>
public sealed record QuarantinePage(string Pipeline, IReadOnlyList<QuarantineRecord> Records, string? Next);
