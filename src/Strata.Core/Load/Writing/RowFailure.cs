namespace Strata.Load.Writing;

/// <summary>Why a row is quarantined, and the column and value at fault when there is one.</summary>
internal readonly record struct RowFailure(string Reason, string? Column = null, string? Value = null);
