namespace Strata.Definitions;

/// <summary>What load does when a file's shape differs from the source's schema.</summary>
public enum DriftPolicy
{
    /// <summary>Default. New columns are added as nullable; types widen (int64 → double → string). Each change is a schema version and a drift event.</summary>
    Evolve,

    /// <summary>The schema is fixed (declared hints, else the first file); rows that do not fit are quarantined with the reason.</summary>
    Strict,
}
