using System.Text;

namespace Strata.Infra.Tests.Access;

/// <summary>
/// Renders an access matrix as the Markdown table of docs/deploy.md: one column per kind of
/// principal, one row per thing it could touch, each cell saying what it may do there.
/// </summary>
internal static class AccessTable
{
    private const string Nothing = "—";

    // The example teams of three-teams.bicepparam, one of each kind, and the app identity.
    private static readonly (string Principal, string Heading)[] Columns =
    [
        ("analytics", "Reader team<br>`readLayers: [products]`"),
        ("privacy", "PII team<br>`pii: true`, `readLayers: [load, integrate]`"),
        ("orders", "Producer team<br>`producer: true`, `readLayers: [load]`"),
        (AccessMatrix.App, "Function App identity"),
    ];

    private static readonly (string Label, Func<AccessGrant, bool> Covers)[] Rows =
    [
        ("`landing`", grant => grant.Scope == "lake/containers/landing"),
        ("`raw`", grant => grant.Scope == "lake/containers/raw"),
        ("`load`", grant => grant.Scope == "lake/containers/load"),
        ("`quarantine`", grant => grant.Scope == "lake/containers/quarantine"),
        ("`integrate`", grant => grant.Scope == "lake/containers/integrate"),
        ("`products`", grant => grant.Scope == "lake/containers/products"),
        ("`lineage`", grant => grant.Scope == "lake/containers/lineage"),
        ("`strata` (Strata's own files: parse fragments)", grant => grant.Scope == "lake/containers/strata"),
        ("its own `sandbox-<team>`", grant => grant.Scope == OwnSandbox(grant)),
        ("another team's sandbox", grant => grant.Scope.StartsWith("sandbox/", StringComparison.Ordinal) && grant.Scope != OwnSandbox(grant)),
        ("Strata tables (lake table service)", IsLakeTables),
        ("lake queue `webjobs-blobtrigger-poison`", grant => grant.Scope.StartsWith("lake/queues/", StringComparison.Ordinal)),
        ("host storage (AzureWebJobsStorage)", grant => grant.Scope == "host"),
        ("Key Vault secret `strata-pii-key`", grant => grant.Scope.StartsWith("keyvault/", StringComparison.Ordinal)),
        ("Application Insights", grant => grant.Scope == "appinsights"),
        ("anything else: accounts, resource group, subscription, keys", grant => !grant.Scope.Contains('/', StringComparison.Ordinal) && grant.Scope is not ("host" or "appinsights") && !IsLakeTables(grant)),
    ];

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        [RoleNames.BlobDataReader] = "read",
        [RoleNames.BlobDataContributor] = "read, write, delete",
        [RoleNames.BlobDataOwner] = "read, write, delete (blob Owner)",
        [RoleNames.TableDataContributor] = "read, write (tables)",
        [RoleNames.QueueDataContributor] = "send, receive (queues)",
        [RoleNames.MonitoringMetricsPublisher] = "send telemetry",
        [RoleNames.KeyVaultSecretsUser] = "read",
    };

    // Table data roles are granted on the lake account: its only tables are Strata's.
    private static bool IsLakeTables(AccessGrant grant) => grant.Scope == "lake" && grant.Role == RoleNames.TableDataContributor;

    private static string OwnSandbox(AccessGrant grant) => $"sandbox/containers/sandbox-{grant.Principal}";

    public static string Render(IReadOnlyList<AccessGrant> matrix)
    {
        var uncovered = matrix.Where(grant => !Rows.Any(row => row.Covers(grant))).ToList();
        if (uncovered.Count > 0)
        {
            throw new InvalidOperationException($"No row of the access table covers:{Environment.NewLine}{string.Join(Environment.NewLine, uncovered)}");
        }

        var table = new StringBuilder();
        table.Append("| | ").AppendJoin(" | ", Columns.Select(column => column.Heading)).AppendLine(" |");
        table.Append("|---|").AppendJoin("", Columns.Select(_ => "---|")).AppendLine();
        foreach (var (label, covers) in Rows)
        {
            table.Append("| ").Append(label);
            foreach (var (principal, _) in Columns)
            {
                var verbs = matrix
                    .Where(grant => grant.Principal == principal && covers(grant))
                    .Select(grant => Verbs.TryGetValue(grant.Role, out var verb) ? verb : grant.Role)
                    .Distinct()
                    .ToList();
                table.Append(" | ").Append(verbs.Count == 0 ? Nothing : string.Join("; ", verbs));
            }

            table.AppendLine(" |");
        }

        return table.ToString();
    }
}
