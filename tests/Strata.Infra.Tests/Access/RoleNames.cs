namespace Strata.Infra.Tests.Access;

/// <summary>Built-in Azure roles by definition id: the ones Strata grants, and the ones no team may hold.</summary>
internal static class RoleNames
{
    public const string BlobDataOwner = "Storage Blob Data Owner";
    public const string BlobDataContributor = "Storage Blob Data Contributor";
    public const string BlobDataReader = "Storage Blob Data Reader";
    public const string QueueDataContributor = "Storage Queue Data Contributor";
    public const string TableDataContributor = "Storage Table Data Contributor";
    public const string MonitoringMetricsPublisher = "Monitoring Metrics Publisher";
    public const string KeyVaultSecretsUser = "Key Vault Secrets User";

    /// <summary>Control-plane and key-access roles: a team holding any of these breaks the sandbox model.</summary>
    public static IReadOnlySet<string> ForbiddenForTeams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Owner",
        "Contributor",
        "Reader",
        "User Access Administrator",
        "Role Based Access Control Administrator",
        "Storage Account Contributor",
        "Storage Account Key Operator Service Role",
        "Classic Storage Account Key Operator Service Role",
        BlobDataOwner,
    };

    /// <summary>The only roles a team may hold, each on a single container.</summary>
    public static IReadOnlySet<string> AllowedForTeams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        BlobDataContributor,
        BlobDataReader,
    };

    private static readonly Dictionary<string, string> ById = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = BlobDataOwner,
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = BlobDataContributor,
        ["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"] = BlobDataReader,
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = QueueDataContributor,
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = TableDataContributor,
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = MonitoringMetricsPublisher,
        ["4633458b-17de-408a-b874-0445c86b69e6"] = KeyVaultSecretsUser,
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["b24988ac-6180-42a0-ab88-20f7382dd24c"] = "Contributor",
        ["acdd72a7-3385-48ef-bd42-f606fba81ae7"] = "Reader",
        ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"] = "User Access Administrator",
        ["f58310d9-a9f6-439a-9e8d-f62e7b41a168"] = "Role Based Access Control Administrator",
        ["17d1049b-9a84-46fb-8f53-869881c3d3ab"] = "Storage Account Contributor",
        ["81a9662b-bebf-436f-a333-f67b29880f12"] = "Storage Account Key Operator Service Role",
        ["985d6b00-f706-48f5-a6fe-d0ca12fb668d"] = "Classic Storage Account Key Operator Service Role",
    };

    /// <summary>The role's name from a role definition id (full resource id or bare GUID).</summary>
    public static string Of(string roleDefinitionId)
    {
        var id = roleDefinitionId[(roleDefinitionId.LastIndexOf('/') + 1)..];
        return ById.TryGetValue(id, out var name) ? name : $"unknown role {id}";
    }
}
