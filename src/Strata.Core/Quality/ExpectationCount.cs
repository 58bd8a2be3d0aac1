namespace Strata.Quality;

/// <summary>How many rows of one partition build did not meet one expectation.</summary>
public sealed record ExpectationCount(string Name, ExpectationAction Action, long NotMet);
