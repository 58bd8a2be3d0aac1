// Key Vault for Strata's secrets: RBAC authorisation only (no access policies),
// soft delete with purge protection. Holds the PII tokenisation key.

@description('Name of the vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the secret that holds the key Strata tokenises PII with.')
param piiKeySecretName string

@description('Write piiKeyValue into the secret. True only for the first provision of an environment: a new value tokenises the same PII differently, so joins on tokens break across the change. Earlier values stay as older secret versions.')
param createPiiKey bool

// Never in a parameters file: the default draws a fresh random value at deployment time,
// used only when createPiiKey is true. Strata reads the key as base64 of at least 32 bytes
// (PiiOptions.Key); this is base64 of 72 bytes carrying 244 random bits.
@description('Initial value of the PII key, base64 of at least 32 bytes. Leave unset to get a random value.')
@secure()
param piiKeyValue string = base64('${newGuid()}${newGuid()}')

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource piiKey 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (createPiiKey) {
  parent: vault
  name: piiKeySecretName
  properties: {
    value: piiKeyValue
    contentType: 'text/plain'
    attributes: {
      enabled: true
    }
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Versionless URI of the PII key secret, for a Key Vault reference that follows rotations.')
output piiKeySecretUri string = '${vault.properties.vaultUri}secrets/${piiKeySecretName}'
