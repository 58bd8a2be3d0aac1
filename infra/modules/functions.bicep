// The Function App on a Flex Consumption (FC1) plan: .NET 10 isolated, one user-assigned
// identity for everything (host storage, deployment package, lake, Key Vault, telemetry),
// HTTPS only, no FTP and no basic-auth publishing. Its roles live in rbac/.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Name of the host storage account (AzureWebJobsStorage, deployment package, Durable task hub).')
@minLength(3)
@maxLength(24)
param hostStorageName string

@description('Azure region of every resource.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Endpoints of the lake account (blob, queue, table), each with a trailing slash.')
param lake {
  blobEndpoint: string
  queueEndpoint: string
  tableEndpoint: string
}

@description('Versionless URI of the Key Vault secret holding the PII key.')
param piiKeySecretUri string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Durable Functions task hub name (3-45 letters and digits, starting with a letter).')
@minLength(3)
@maxLength(45)
param durableHubName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// Azure Storage hardening as on the lake; the host keeps its state behind the identity.
resource hostStorage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: hostStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: 'app-package-${take(name, 32)}-${take(uniqueString(name), 7)}'
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// The host's own state (leases, timers, Durable task hub by default) behind the identity.
var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: hostStorage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: hostStorage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: hostStorage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
}

// The connection named Lake, used by the Event Grid blob trigger on landing (Land).
// The queue endpoint is where the trigger writes poison-blob messages.
var lakeSettings = {
  Lake__blobServiceUri: lake.blobEndpoint
  Lake__queueServiceUri: lake.queueEndpoint
  Lake__credential: 'managedidentity'
  Lake__clientId: identity.properties.clientId
}

// Strata's options (Strata__<Section>__<Property>), bound by the core at start.
var strataSettings = {
  Strata__Storage__BlobServiceUri: lake.blobEndpoint
  Strata__Storage__TableServiceUri: lake.tableEndpoint
  Strata__Storage__ManagedIdentityClientId: identity.properties.clientId
  Strata__Pii__Key: '@Microsoft.KeyVault(SecretUri=${piiKeySecretUri})'
  Strata__Durable__HubName: durableHubName
  AzureFunctionsJobHost__extensions__durableTask__hubName: durableHubName
}

// Flex Consumption takes runtime and worker from functionAppConfig: FUNCTIONS_WORKER_RUNTIME
// and FUNCTIONS_EXTENSION_VERSION must not be app settings here.
resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${hostStorage::blobService::deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(hostSettings, lakeSettings, strataSettings)
  }
}

// Deployments go through azd with Entra auth; publishing with site credentials stays off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = app.name

@description('Default host name of the Function App.')
output defaultHostName string = app.properties.defaultHostName

@description('Name of the host storage account.')
output hostStorageName string = hostStorage.name

@description('Object (principal) id of the app identity.')
output identityPrincipalId string = identity.properties.principalId

@description('Client id of the app identity, used by identity-based connections.')
output identityClientId string = identity.properties.clientId
