using Strata.Fragments;

namespace Strata.Planning;

/// <summary>Fragment headers read once per plan or build: a blob's fragments count only if its header (the commit marker) exists.</summary>
internal sealed class HeaderCache(FragmentStore fragments, string source, string specKey)
{
    private readonly Dictionary<string, FragmentHeader?> _headers = new(StringComparer.Ordinal);

    public async Task<FragmentHeader?> GetAsync(string sha, CancellationToken ct)
    {
        if (!_headers.TryGetValue(sha, out var header))
        {
            header = await fragments.GetHeaderAsync(source, specKey, sha, ct);
            _headers[sha] = header;
        }

        return header;
    }
}
