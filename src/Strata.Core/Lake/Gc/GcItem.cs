namespace Strata.Lake.Gc;

/// <summary>A blob <c>gc</c> deletes (or, in a dry run, would delete), with its size and why.</summary>
public sealed record GcItem(string Container, string Blob, long Size, string Reason);
