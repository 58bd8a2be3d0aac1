using Strata.Definitions;

namespace Strata.Load.Temporal;

/// <summary>
/// Pass 1's choice of format for a column whose values must be dates or timestamps — a declared
/// <c>date</c>/<c>timestamp</c> without <c>format:</c>, or the partition column — where a value that
/// does not parse quarantines its row instead of widening the column. ISO 8601 is tried first;
/// the values it rejects go to a <see cref="TemporalSniffer"/>, which skips values no candidate reads
/// (stray text such as <c>N/A</c> is quarantined either way). The sniffed format is chosen when it
/// read more values than ISO did; then the parser reads the file again with it.
/// </summary>
internal sealed class FormatChoice(DateOrder order, bool dateOnly)
{
    private TemporalSniffer? _sniffer;
    private long _iso;
    private long _sniffed;

    /// <summary>A value ISO 8601 read.</summary>
    public void Iso() => _iso++;

    /// <summary>A value ISO 8601 did not read.</summary>
    public void Other(ReadOnlySpan<byte> text)
    {
        if (_sniffer is null)
        {
            _sniffer = TemporalSniffer.Start(text, order);
            _sniffed += _sniffer is null ? 0 : 1;
        }
        else if (_sniffer.Add(text))
        {
            _sniffed++;
        }
    }

    /// <summary>The sniffed format when it beats ISO 8601 (a declared date takes only a format without a time); else null.</summary>
    public TemporalFormat? Result =>
        _sniffer is { Best: var best } && _sniffed > _iso && !(dateOnly && best.HasTime) ? best : null;
}
