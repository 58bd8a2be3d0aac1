namespace Strata.Infra.Tests.Access;

/// <summary>
/// One role assignment as the access matrix shows it: who (app, developer or a team name),
/// which role, and where (see <see cref="AccessMatrix"/> for the scope notation).
/// </summary>
internal sealed record AccessGrant(string Principal, string Role, string Scope)
{
    private const char Separator = '|';

    /// <summary>Parses <c>principal | role | scope</c>.</summary>
    public static AccessGrant Parse(string line)
    {
        var parts = line.Split(Separator, StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            throw new FormatException($"Expected 'principal | role | scope', got '{line}'.");
        }

        return new AccessGrant(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => $"{Principal} {Separator} {Role} {Separator} {Scope}";
}
