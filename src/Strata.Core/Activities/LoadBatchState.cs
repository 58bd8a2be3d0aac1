using Strata.Load.Schema;
using Strata.Partitions;

namespace Strata.Activities;

/// <summary>
/// What a load activity reads once for all the partitions it builds: their commits and failure
/// markers, the source's current schema, and (as its partitions ask) their fragments.
/// </summary>
internal sealed record LoadBatchState(
    IReadOnlyDictionary<string, PartitionRecord> Committed,
    IReadOnlyDictionary<string, FailureMarker> Failures,
    int SchemaVersion,
    SourceSchema Schema,
    Modes.FragmentSelection Fragments);
