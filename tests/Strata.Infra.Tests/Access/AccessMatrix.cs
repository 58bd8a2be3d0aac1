using Strata.Infra.Tests.Bicep;

namespace Strata.Infra.Tests.Access;

/// <summary>
/// Every role assignment of a snapshot as (principal, role, scope). Scopes are written
/// relative to the resource group, with account names replaced by what they are:
/// <c>lake/containers/raw</c>, <c>lake/tables/StrataRuns</c>, <c>sandbox/containers/sandbox-x</c>,
/// <c>host</c>, <c>keyvault/secrets/strata-pii-key</c>, <c>appinsights</c>;
/// <c>subscription</c> and <c>resource group</c> for those scopes.
/// </summary>
internal static class AccessMatrix
{
    public const string App = "app";
    public const string Subscription = "subscription";
    public const string ResourceGroup = "resource group";

    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    private const string RoleAssignmentsSegment = "/providers/Microsoft.Authorization/roleAssignments/";

    // Output of main.bicep naming each resource, and the word the matrix uses for it.
    private static readonly (string Output, string Symbol)[] SymbolicNames =
    [
        ("LAKE_STORAGE_ACCOUNT_NAME", "lake"),
        ("SANDBOX_STORAGE_ACCOUNT_NAME", "sandbox"),
        ("HOST_STORAGE_ACCOUNT_NAME", "host"),
        ("KEY_VAULT_NAME", "keyvault"),
        ("APPLICATIONINSIGHTS_NAME", "appinsights"),
    ];

    /// <summary>The matrix of a snapshot, sorted.</summary>
    /// <param name="snapshot">A snapshot of main.bicep.</param>
    /// <param name="teamPrincipals">Object id to team name, for the principals of the test parameters.</param>
    public static IReadOnlyList<AccessGrant> From(Snapshot snapshot, IReadOnlyDictionary<string, string> teamPrincipals)
    {
        var symbols = SymbolicNames
            .Where(name => snapshot.Outputs.TryGetValue(name.Output, out var value) && value.Length > 0)
            .ToDictionary(name => snapshot.Outputs[name.Output], name => name.Symbol, StringComparer.OrdinalIgnoreCase);

        return Sorted(snapshot.OfType(RoleAssignmentType).Select(assignment => new AccessGrant(
            PrincipalOf(assignment.Property("principalId")?.GetString() ?? "", teamPrincipals),
            RoleNames.Of(assignment.Property("roleDefinitionId")?.GetString() ?? ""),
            ScopeOf(assignment.Id, symbols))));
    }

    /// <summary>Reads a golden matrix: one <c>principal | role | scope</c> a line, # starts a comment.</summary>
    public static IReadOnlyList<AccessGrant> Load(string path) =>
        Sorted(File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(AccessGrant.Parse));

    public static IReadOnlyList<AccessGrant> Sorted(IEnumerable<AccessGrant> grants) =>
        grants.OrderBy(grant => grant.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>Is the scope exactly one blob container (of the lake or the sandbox account)?</summary>
    public static bool IsSingleContainer(string scope)
    {
        var parts = scope.Split('/');
        return parts.Length == 3 && parts[0] is ("lake" or "sandbox") && parts[1] == "containers";
    }

    private static string PrincipalOf(string principalId, IReadOnlyDictionary<string, string> teamPrincipals)
    {
        // The app identity's object id exists only after deployment: the snapshot keeps
        // the reference() expression that reads it from the user-assigned identity.
        if (principalId.Contains("Microsoft.ManagedIdentity/userAssignedIdentities/", StringComparison.OrdinalIgnoreCase))
        {
            return App;
        }

        return teamPrincipals.TryGetValue(principalId, out var team) ? team : principalId;
    }

    private static string ScopeOf(string assignmentId, Dictionary<string, string> symbols)
    {
        var end = assignmentId.IndexOf(RoleAssignmentsSegment, StringComparison.OrdinalIgnoreCase);
        var scope = end < 0 ? assignmentId : assignmentId[..end];
        var segments = scope.Trim('/').Split('/');

        // subscriptions/{id}
        if (segments.Length == 2)
        {
            return Subscription;
        }

        // subscriptions/{id}/resourceGroups/{name}
        if (segments.Length == 4)
        {
            return ResourceGroup;
        }

        // subscriptions/{id}/resourceGroups/{name}/providers/{namespace}/{type}/{name}[/{type}/{name}]...
        var parts = new List<string> { symbols.TryGetValue(segments[7], out var symbol) ? symbol : segments[7] };
        for (var i = 8; i + 1 < segments.Length; i += 2)
        {
            // Skip the one-per-account service level (blobServices/default, tableServices/default...).
            if (!string.Equals(segments[i + 1], "default", StringComparison.OrdinalIgnoreCase))
            {
                parts.Add(segments[i]);
                parts.Add(segments[i + 1]);
            }
        }

        return string.Join('/', parts);
    }
}
