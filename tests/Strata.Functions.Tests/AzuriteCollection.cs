using Strata.Testing;

namespace Strata.Functions.Tests;

/// <summary>Every test here shares one Azurite (blob, queue and table endpoints on free loopback ports); each isolates itself with its own storage namespace and task hub.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
