namespace Strata.Definitions;

/// <summary>
/// The logical column types load infers or is told. Widening goes
/// <c>Int64 → Decimal → Double → String</c> for numbers and <c>Date → Timestamp → String</c> for time;
/// <c>Boolean</c> widens only to <c>String</c>.
/// </summary>
public enum ColumnType
{
    Boolean,
    Int64,
    Decimal,
    Double,
    Date,
    Timestamp,
    String,
}
