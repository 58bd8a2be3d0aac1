using System.Security.Cryptography;
using System.Text;

namespace Strata.Lineage.OpenLineage;

/// <summary>
/// OpenLineage run ids derived from Strata's: a name-based UUID (version 5, RFC 9562) of the lake,
/// the Strata run id and the dataset, so a retried or replayed activity — in any host — names the
/// same OpenLineage run, and the same Strata run id in another lake does not.
/// </summary>
public static class RunIds
{
    // A fixed namespace UUID of Strata's own, so its ids never collide with other name-based UUIDs.
    private static readonly Guid s_namespace = new("6f1d1c9e-2a57-4c1e-9b55-3d8f0e5a7c21");

    /// <summary>The run of one dataset step: <paramref name="lake"/> identifies the lake (endpoint and storage namespace).</summary>
    public static Guid ForStep(string lake, string runId, string dataset) => NameBased($"{lake}|{runId}|{dataset}");

    /// <summary>The pipeline run every step's parent facet points at.</summary>
    public static Guid ForRun(string lake, string runId) => NameBased($"{lake}|{runId}");

    internal static Guid NameBased(string name)
    {
        Span<byte> input = stackalloc byte[16];
        s_namespace.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));

        // RFC 9562 defines version 5 on SHA-1; it identifies, it does not protect anything.
#pragma warning disable CA5350
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
