namespace Strata.Load.Schema;

/// <summary>The narrowest type one text value has under the inference grammar (see <see cref="ValueParser"/>).</summary>
internal enum ValueKind : byte
{
    /// <summary>Empty text: says nothing about the column's type.</summary>
    Empty,
    Boolean,
    Int64,
    Decimal,
    Double,
    Date,
    Timestamp,
    String,
}

/// <summary>A classified value: its kind and, for exact numbers, the digits it needs.</summary>
/// <param name="Kind">The narrowest kind.</param>
/// <param name="IntegerDigits">Significant digits before the point (Int64 and Decimal).</param>
/// <param name="Scale">Digits after the point (Decimal).</param>
internal readonly record struct ValueClass(ValueKind Kind, byte IntegerDigits = 0, byte Scale = 0);
