using Strata.Testing;

namespace Strata.Tests;

/// <summary>Every storage test shares one Azurite (started once, on free ports, in a temp folder); each test isolates itself with its own storage namespace.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
