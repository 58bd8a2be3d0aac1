// Strata's Azure infrastructure: one resource group holding the lake, the team sandboxes,
// the Function App and what it needs. Deployed by `azd up` (see docs/deploy.md).
targetScope = 'subscription'

import { Team } from 'modules/types.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group rg-<environmentName> and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Teams that get a sandbox and read access to the lake. Declared in infra/teams.json (example: infra/teams.sample.json).')
param teams Team[] = loadJsonContent('teams.json')

@description('Object id of the developer running azd (AZURE_PRINCIPAL_ID). Used only when developerDataAccess is true.')
param principalId string = ''

@description('Grant principalId the app\'s lake data roles, so a local host (local.settings.json) can run against this lake. Keep false outside development environments.')
param developerDataAccess bool = false

@description('Write a new random PII tokenisation key into Key Vault. True for the first provision of an environment only; the postprovision hook turns it off (STRATA_CREATE_PII_KEY).')
param createPiiKey bool

@description('Create the Event Grid subscription from landing to the Land function. Needs the code deployed first; the postdeploy hook turns it on (STRATA_LANDING_EVENTS).')
param subscribeLanding bool = false

@description('Days a blob in raw stays immutable (container-level WORM, time-based retention).')
@minValue(1)
@maxValue(146000)
param rawRetentionDays int = 365

@description('Days deleted blobs and containers can be restored, on the lake and sandbox accounts.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 14

@description('Days a previous blob version is kept on the lake before lifecycle management deletes it.')
@minValue(1)
param previousVersionRetentionDays int = 30

@description('Replication of the lake account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param lakeSkuName string = 'Standard_LRS'

@description('E-mail addresses every Strata alert notifies, comma-separated (STRATA_ALERT_EMAILS). Empty: the alert rules exist and notify no one.')
param alertEmails string = ''

@description('Webhook URLs every Strata alert notifies, comma-separated (STRATA_ALERT_WEBHOOKS).')
@secure()
param alertWebhooks string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are computed here, not read from module outputs, so that every role assignment
// and existing-resource reference is known before deployment (what-if stays exact).
var names = {
  lake: '${abbrs.storageStorageAccounts}lake${resourceToken}'
  sandbox: '${abbrs.storageStorageAccounts}sbx${resourceToken}'
  hostStorage: '${abbrs.storageStorageAccounts}func${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  actionGroup: 'ag-strata-${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  systemTopic: '${abbrs.eventGridSystemTopics}lake-${resourceToken}'
}
var appIdentityId = resourceId(subscription().subscriptionId, rg.name, 'Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)
var piiKeySecretName = 'strata-pii-key'
var durableHubName = 'strata${take(resourceToken, 8)}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module lake 'modules/storage.bicep' = {
  name: 'lake'
  scope: rg
  params: {
    name: names.lake
    location: location
    tags: tags
    skuName: lakeSkuName
    rawRetentionDays: rawRetentionDays
    softDeleteRetentionDays: softDeleteRetentionDays
    previousVersionRetentionDays: previousVersionRetentionDays
  }
}

module sandbox 'modules/sandbox.bicep' = {
  name: 'sandbox'
  scope: rg
  params: {
    name: names.sandbox
    location: location
    tags: tags
    teamNames: map(teams, t => t.name)
    softDeleteRetentionDays: softDeleteRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

// The alert rules read the Application Insights component by name, so they wait for it explicitly.
module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  dependsOn: [
    monitoring
  ]
  params: {
    applicationInsightsName: names.applicationInsights
    actionGroupName: names.actionGroup
    location: location
    tags: tags
    emails: alertEmails
    webhooks: alertWebhooks
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    piiKeySecretName: piiKeySecretName
    createPiiKey: createPiiKey
  }
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    identityName: names.identity
    hostStorageName: names.hostStorage
    location: location
    tags: tags
    lake: {
      blobEndpoint: lake.outputs.blobEndpoint
      queueEndpoint: lake.outputs.queueEndpoint
      tableEndpoint: lake.outputs.tableEndpoint
    }
    piiKeySecretUri: keyVault.outputs.piiKeySecretUri
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    durableHubName: durableHubName
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    systemTopicName: names.systemTopic
    location: location
    tags: tags
    lakeStorageName: names.lake
    functionAppName: names.functionApp
    subscribeLanding: subscribeLanding
  }
  dependsOn: [lake, functions]
}

module appLakeAccess 'modules/rbac/lake-access.bicep' = {
  name: 'app-lake-access'
  scope: rg
  params: {
    principalId: functions.outputs.identityPrincipalId
    principalKey: appIdentityId
    principalType: 'ServicePrincipal'
    lakeStorageName: names.lake
  }
}

module appAccess 'modules/rbac/app-access.bicep' = {
  name: 'app-access'
  scope: rg
  params: {
    principalId: functions.outputs.identityPrincipalId
    principalKey: appIdentityId
    hostStorageName: names.hostStorage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    piiKeySecretName: piiKeySecretName
  }
}

module developerLakeAccess 'modules/rbac/lake-access.bicep' = if (developerDataAccess && !empty(principalId)) {
  name: 'developer-lake-access'
  scope: rg
  params: {
    principalId: principalId
    principalKey: principalId
    principalType: 'User'
    lakeStorageName: names.lake
  }
  dependsOn: [lake]
}

module teamAccess 'modules/rbac/team-access.bicep' = [
  for t in teams: {
    name: 'team-${t.name}'
    scope: rg
    params: {
      team: t
      lakeStorageName: names.lake
      sandboxStorageName: names.sandbox
    }
    dependsOn: [lake, sandbox]
  }
]

@description('Region of every resource.')
output AZURE_LOCATION string = location

@description('Tenant the resources live in.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name

@description('Base URL of the Function App (HTTP API).')
output SERVICE_API_URI string = 'https://${functions.outputs.defaultHostName}'

@description('Client id of the Function App identity (not a secret).')
output AZURE_FUNCTION_IDENTITY_CLIENT_ID string = functions.outputs.identityClientId

@description('Name of the lake storage account.')
output LAKE_STORAGE_ACCOUNT_NAME string = lake.outputs.name

@description('Blob endpoint of the lake.')
output LAKE_BLOB_ENDPOINT string = lake.outputs.blobEndpoint

@description('Queue endpoint of the lake (blob trigger poison queue).')
output LAKE_QUEUE_ENDPOINT string = lake.outputs.queueEndpoint

@description('Table endpoint of the lake (Strata tables).')
output LAKE_TABLE_ENDPOINT string = lake.outputs.tableEndpoint

@description('Name of the team sandbox storage account.')
output SANDBOX_STORAGE_ACCOUNT_NAME string = sandbox.outputs.name

@description('Blob endpoint of the team sandbox account.')
output SANDBOX_BLOB_ENDPOINT string = sandbox.outputs.blobEndpoint

@description('Name of the Function App host storage account.')
output HOST_STORAGE_ACCOUNT_NAME string = functions.outputs.hostStorageName

@description('Name of the Key Vault holding the PII key.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Application Insights connection string; not a credential while local auth is disabled.')
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString

@description('Name of the Event Grid system topic on the lake.')
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName

@description('Durable Functions task hub name.')
output STRATA_DURABLE_HUB_NAME string = durableHubName
