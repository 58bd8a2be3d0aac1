// One team's access, all data-plane and container-scoped: its own sandbox container
// (read/write), the lake layers it was granted (read), raw and quarantine only with pii
// (read), landing only as a producer (write). No control-plane role, no key access, and
// nothing on another team's sandbox. Names are guid(scope, principal, role), so adding a
// team changes no existing assignment and re-provisioning is idempotent.
import { Team } from '../types.bicep'
import { sandboxContainerPrefix } from '../lake-layout.bicep'
import { storageBlobDataContributor, storageBlobDataReader } from 'roles.bicep'

// Storage Blob Data Contributor, as a full role definition id.
var storageBlobDataContributorRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
// Storage Blob Data Reader, as a full role definition id.
var storageBlobDataReaderRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)

@description('The team to grant access to.')
param team Team

@description('Name of the lake storage account.')
param lakeStorageName string

@description('Name of the sandbox storage account holding sandbox-<team>.')
param sandboxStorageName string

// union() drops duplicates, which would otherwise collide on the assignment name.
var readLayers = union(team.readLayers, [])
var piiLayers = team.pii ? ['raw', 'quarantine'] : []

resource sandboxContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  name: '${sandboxStorageName}/default/${sandboxContainerPrefix}${team.name}'
}

resource readContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for layer in readLayers: {
    name: '${lakeStorageName}/default/${layer}'
  }
]

resource piiContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for layer in piiLayers: {
    name: '${lakeStorageName}/default/${layer}'
  }
]

resource landing 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  name: '${lakeStorageName}/default/landing'
}

// The team's own workspace: read and write in sandbox-<team>, nowhere else on the sandbox account.
resource sandboxWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(sandboxContainer.id, team.principalId, storageBlobDataContributorRole)
  scope: sandboxContainer
  properties: {
    principalId: team.principalId
    principalType: team.principalType
    roleDefinitionId: storageBlobDataContributorRole
  }
}

// Reading each granted layer (load, integrate, products), one container each.
resource layerReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (layer, i) in readLayers: {
    name: guid(readContainers[i].id, team.principalId, storageBlobDataReaderRole)
    scope: readContainers[i]
    properties: {
      principalId: team.principalId
      principalType: team.principalType
      roleDefinitionId: storageBlobDataReaderRole
    }
  }
]

// Reading raw and quarantine, which hold untokenised personal data: only with pii.
resource piiReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (layer, i) in piiLayers: {
    name: guid(piiContainers[i].id, team.principalId, storageBlobDataReaderRole)
    scope: piiContainers[i]
    properties: {
      principalId: team.principalId
      principalType: team.principalType
      roleDefinitionId: storageBlobDataReaderRole
    }
  }
]

// Dropping files into landing, the lake's only way in: only for producers.
resource landingWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (team.producer) {
  name: guid(landing.id, team.principalId, storageBlobDataContributorRole)
  scope: landing
  properties: {
    principalId: team.principalId
    principalType: team.principalType
    roleDefinitionId: storageBlobDataContributorRole
  }
}
