namespace Strata.Load.Writing;

/// <summary>
/// One converted value of the row being read, held until the whole row has passed its checks.
/// Integers, booleans (0/1), dates (days) and timestamps (µs) use <see cref="Long"/>; strings stay
/// in the record and are copied only when the row is appended.
/// </summary>
internal struct Cell
{
    public bool IsNull;
    public long Long;
    public double Double;
    public decimal Decimal;
}
