namespace Strata.Definitions;

/// <summary>What load does with a column that holds personal data. Raw keeps the bytes untouched either way.</summary>
public enum PiiAction
{
    /// <summary>Replace the value with a keyed HMAC-SHA256 token: equal inputs give equal tokens, so joins still work.</summary>
    Tokenise,

    /// <summary>Remove the column from load output.</summary>
    Drop,
}

/// <summary>How a value is normalised before it is tokenised, so that equal-meaning values share a token.</summary>
public enum PiiNormalise
{
    /// <summary>Default: the value exactly as it appears in the file.</summary>
    None,

    /// <summary>Trimmed and lower-cased (invariant): <c>" Ann@X.com "</c> and <c>"ann@x.com"</c> get one token. Use for e-mail addresses.</summary>
    TrimLower,
}

/// <summary>A PII rule for one column.</summary>
public sealed record PiiRule(string Column, PiiAction Action, PiiNormalise Normalise = PiiNormalise.None);
