using Strata.Definitions;
using Strata.Fingerprints;
using Strata.Security;

namespace Strata.Planning;

/// <summary>Computes a source's load-spec hash with the configured PII key's id (read only when the source tokenises).</summary>
public sealed class LoadSpecs(PiiKey piiKey)
{
    public string HashOf(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return LoadSpec.Hash(source, source.Pii.Any(r => r.Action == PiiAction.Tokenise) ? piiKey.KeyId : "");
    }
}
