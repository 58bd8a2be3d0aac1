// Data roles on the lake for the Function App identity (and, opt-in, the developer who
// runs the same host locally). Blob and queue roles are scoped to the one container or
// queue they are for; tables are the exception (see tableWriter). Nothing is granted on
// the resource group or the subscription, and no role reads account keys.
import { lakeContainers, blobTriggerPoisonQueue } from '../lake-layout.bicep'
import { storageBlobDataOwner, storageBlobDataContributor, storageTableDataContributor, storageQueueDataContributor } from 'roles.bicep'

// Storage Blob Data Owner, as a full role definition id.
var storageBlobDataOwnerRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
// Storage Blob Data Contributor, as a full role definition id.
var storageBlobDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
// Storage Queue Data Contributor, as a full role definition id.
var storageQueueDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
// Storage Table Data Contributor, as a full role definition id.
var storageTableDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)

@description('Object id of the principal that runs Strata.')
param principalId string

@description('Deployment-time identifier of the principal that seeds the assignment names: the identity\'s resource id for a managed identity (its object id is known only at run time), the object id otherwise.')
param principalKey string

@description('Kind of Entra principal behind principalId.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param principalType string

@description('Name of the lake storage account.')
param lakeStorageName string

// Every layer but landing: Strata writes them; landing is granted below on its own terms.
var writtenLayers = filter(lakeContainers, container => container != 'landing')

resource lake 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: lakeStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource landing 'containers' existing = {
      name: 'landing'
    }
  }

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource poisonQueue 'queues' existing = {
      name: blobTriggerPoisonQueue
    }
  }
}

resource layerContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for layer in writtenLayers: {
    parent: lake::blobService
    name: layer
  }
]

// Blob trigger on landing (Land reads, then deletes each file): the trigger's documented role, on landing only.
resource landingOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(lake::blobService::landing.id, principalKey, storageBlobDataOwnerRole)
  scope: lake::blobService::landing
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageBlobDataOwnerRole
  }
}

// Writing raw, load, quarantine, integrate, products, lineage and strata (its own files): one container each.
resource layerWriters 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (layer, i) in writtenLayers: {
    name: guid(layerContainers[i].id, principalKey, storageBlobDataContributorRole)
    scope: layerContainers[i]
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: storageBlobDataContributorRole
    }
  }
]

// Strata's tables (fingerprints, receipts, runs, lineage...): on the account, because Create
// Table names the table in the request body and Strata ensures its tables at start; the
// lake holds no other tables and no team gets a table role.
resource tableWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(lake.id, principalKey, storageTableDataContributorRole)
  scope: lake
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageTableDataContributorRole
  }
}

// Poison-blob messages of the blob trigger, on the Lake connection's account: that one queue only.
resource poisonQueueWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(lake::queueService::poisonQueue.id, principalKey, storageQueueDataContributorRole)
  scope: lake::queueService::poisonQueue
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: storageQueueDataContributorRole
  }
}
