namespace Strata.Definitions;

/// <summary>One input of a dataset: a source or another dataset, by name, and its partition mapping.</summary>
public sealed record DatasetInput(string Name, PartitionMapping Mapping, SourceLocation Location);
