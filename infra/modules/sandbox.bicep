// The team sandbox account: one private container per team, hardened like the lake.
import { sandboxContainerPrefix } from 'lake-layout.bicep'

@description('Name of the sandbox storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Team names; each gets the container sandbox-<name>.')
param teamNames string[]

@description('Days deleted blobs and containers can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

resource sandbox 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
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

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
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
      for teamName in teamNames: {
        name: '${sandboxContainerPrefix}${teamName}'
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }
}

@description('Name of the sandbox storage account.')
output name string = sandbox.name

@description('Blob endpoint of the sandbox account, with a trailing slash.')
output blobEndpoint string = sandbox.properties.primaryEndpoints.blob
