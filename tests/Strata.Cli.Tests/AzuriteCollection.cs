using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>One Azurite for this test assembly; each test isolates itself with a storage namespace.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
