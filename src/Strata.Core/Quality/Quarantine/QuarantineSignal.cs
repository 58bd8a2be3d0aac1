using System.Globalization;
using Strata.Definitions;
using Strata.Workflow.Contracts;

namespace Strata.Quality.Quarantine;

/// <summary>
/// Quarantine as a signal: a source whose run quarantined more than its
/// <see cref="SourceDefinition.MaxQuarantineRatio"/> of the rows it read, or any file as a whole,
/// warns, which ends the run <c>CompletedWithWarnings</c>. A source that quarantined every row
/// (nothing loaded, nothing failed) is the case this exists for.
/// </summary>
public static class QuarantineSignal
{
    public static IReadOnlyList<string> Warnings(SourceDefinition source, QuarantineCounts counts)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(counts);
        var warnings = new List<string>();
        if (counts.RowsRead > 0 && counts.RowsQuarantined > source.MaxQuarantineRatio * counts.RowsRead)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"quarantined {counts.RowsQuarantined} of {counts.RowsRead} rows ({(double)counts.RowsQuarantined / counts.RowsRead:0.#%}), above max_quarantine_ratio {source.MaxQuarantineRatio:0.###}: see the quarantine for the reasons, fix the producer or the source's definition, then replay"));
        }

        if (counts.FilesQuarantined > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"quarantined {counts.FilesQuarantined} whole file(s): see the quarantine for the reasons, fix and land them again"));
        }

        return warnings;
    }
}
