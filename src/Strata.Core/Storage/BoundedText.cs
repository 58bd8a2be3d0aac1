namespace Strata.Storage;

/// <summary>
/// Bounds on text that ends up in table entities (file errors, failure reasons, drift events, run
/// summaries) or in messages that quote a file: a column name or a value comes from a producer's
/// file and can be megabytes long, and a Table Storage property holds at most 64 KiB (an entity
/// 1 MiB). Written once here so no stored row grows with a file's column count or a value's size.
/// </summary>
public static class BoundedText
{
    /// <summary>The longest name quoted in a message: longer names keep their start and say how long they were.</summary>
    public const int NameChars = 100;

    /// <summary>The longest stored message (file error, failure reason, one drift event).</summary>
    public const int MessageChars = 2_000;

    /// <summary>The most items a stored list keeps (drift events of one schema version, quarantined files of one run); the rest are counted.</summary>
    public const int ListItems = 50;

    /// <summary>A name (column, file) for a message: as is when short, else its start and its length.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length <= NameChars ? name : $"{name[..(NameChars - 20)]}… ({name.Length:N0} characters)";
    }

    /// <summary>A message to store: as is when short, else cut with a note of how much was cut.</summary>
    public static string Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MessageChars ? text : $"{text[..(MessageChars - 40)]}… ({text.Length - MessageChars + 40:N0} more characters)";
    }

    /// <summary>At most <see cref="ListItems"/> messages; when there were more, the last line says how many were left out.</summary>
    public static IReadOnlyList<string> List(IReadOnlyCollection<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= ListItems
            ? [.. items.Select(Message)]
            : [.. items.Take(ListItems - 1).Select(Message), $"… and {items.Count - ListItems + 1:N0} more"];
    }

    /// <summary>Names joined for a message: the first few, then how many more.</summary>
    public static string Names(IReadOnlyCollection<string> names, int shown = 20) =>
        names.Count <= shown
            ? string.Join(", ", names.Select(Name))
            : $"{string.Join(", ", names.Take(shown).Select(Name))} and {names.Count - shown:N0} more";
}
