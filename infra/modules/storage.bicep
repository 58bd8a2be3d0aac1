// The lake: one StorageV2 account, Blob API everywhere (hierarchical namespace off, so
// blob versioning is available), a container per layer and Strata's tables.
import { lakeContainers, strataTables, blobTriggerPoisonQueue } from 'lake-layout.bicep'

@description('Name of the lake storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Replication of the lake account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('Days a blob in raw stays write-once-read-many (container-level time-based retention).')
@minValue(1)
@maxValue(146000)
param rawRetentionDays int

@description('Days deleted blobs and containers can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days a previous blob version is kept before lifecycle management deletes it.')
@minValue(1)
param previousVersionRetentionDays int

resource lake 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    isHnsEnabled: false
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

  // Versioning and container-level WORM coexist: a container-level policy needs no
  // versioning and does not forbid it (migrating a container to version-level WORM
  // even requires both). In raw, WORM already refuses overwrites and deletes, so no
  // extra versions pile up there; in the other layers versioning is the undo button.
  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: softDeleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: softDeleteRetentionDays
      }
    }

    resource containers 'containers' = [
      for container in lakeContainers: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for table in strataTables: {
        name: table
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource poisonQueue 'queues' = {
      name: blobTriggerPoisonQueue
    }
  }

  // Landing is emptied after each file is landed and every overwrite elsewhere keeps the
  // old bytes as a version: without this rule previous versions would be kept forever.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'expire-previous-versions'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
              }
              actions: {
                version: {
                  delete: {
                    daysAfterCreationGreaterThan: previousVersionRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
  }
}

// raw is immutable by design (Strata lands bytes unchanged under their SHA-256), so the
// storage enforces it. ARM creates the policy unlocked: it blocks overwrites and deletes
// but can still be shortened or removed. Locking is a one-way compliance decision
// (`az storage container immutability-policy lock`) left to an operator on purpose.
resource rawRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2026-06-01' = {
  parent: lake::blobService::containers[indexOf(lakeContainers, 'raw')]
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: rawRetentionDays
    allowProtectedAppendWrites: false
  }
}

@description('Name of the lake storage account.')
output name string = lake.name

@description('Resource id of the lake storage account.')
output id string = lake.id

@description('Blob endpoint of the lake, with a trailing slash.')
output blobEndpoint string = lake.properties.primaryEndpoints.blob

@description('Queue endpoint of the lake, with a trailing slash.')
output queueEndpoint string = lake.properties.primaryEndpoints.queue

@description('Table endpoint of the lake, with a trailing slash.')
output tableEndpoint string = lake.properties.primaryEndpoints.table
