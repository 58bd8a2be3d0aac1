namespace Strata.Definitions;

/// <summary>The four strata, in dependency order.</summary>
public enum Layer
{
    Land,
    Load,
    Integrate,
    Action,
}
