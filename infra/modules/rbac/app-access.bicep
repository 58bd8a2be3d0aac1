// The Function App identity's roles outside the lake: its host storage (which holds the Durable
// task hub), telemetry and the PII key. Lake roles: lake-access.bicep.
import { storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor, monitoringMetricsPublisher, keyVaultSecretsUser } from 'roles.bicep'

// Storage Blob Data Owner, as a full role definition id.
var storageBlobDataOwnerRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
// Storage Queue Data Contributor, as a full role definition id.
var storageQueueDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
// Storage Table Data Contributor, as a full role definition id.
var storageTableDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
// Monitoring Metrics Publisher, as a full role definition id.
var monitoringMetricsPublisherRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
// Key Vault Secrets User, as a full role definition id.
var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)

@description('Object id of the Function App\'s user-assigned identity.')
param principalId string

@description('Deployment-time identifier of the principal that seeds the assignment names: the identity\'s resource id for a managed identity (its object id is known only at run time), the object id otherwise.')
param principalKey string

@description('Name of the host storage account (AzureWebJobsStorage).')
param hostStorageName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the secret holding the PII key.')
param piiKeySecretName string

resource hostStorage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: hostStorageName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName

  resource piiKey 'secrets' existing = {
    name: piiKeySecretName
  }
}

// Host storage blobs (leases, secrets, deployment package, task hub): the Functions host's documented role.
resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, principalKey, storageBlobDataOwnerRole)
  scope: hostStorage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: storageBlobDataOwnerRole
  }
}

// Host storage queues: Durable Functions control and work-item queues.
resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, principalKey, storageQueueDataContributorRole)
  scope: hostStorage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: storageQueueDataContributorRole
  }
}

// Host storage tables: Durable Functions history and instances tables.
resource hostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, principalKey, storageTableDataContributorRole)
  scope: hostStorage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: storageTableDataContributorRole
  }
}

// Sending telemetry to Application Insights, whose local (key) auth is disabled.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalKey, monitoringMetricsPublisherRole)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: monitoringMetricsPublisherRole
  }
}

// Resolving the Strata__Pii__Key Key Vault reference: that one secret, not the vault.
resource piiKeyReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::piiKey.id, principalKey, keyVaultSecretsUserRole)
  scope: vault::piiKey
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: keyVaultSecretsUserRole
  }
}
