using Strata.Load.Schema;

namespace Strata.Schemas;

/// <summary>One recorded version of a source's schema and the drift that produced it.</summary>
public sealed record SchemaVersion(string Source, int Version, SourceSchema Schema, IReadOnlyList<string> DriftEvents, string? Cause, string RunId, DateTimeOffset CreatedAt);
