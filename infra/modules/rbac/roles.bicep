// Built-in role definition ids, one per role Strata grants. Look-ups:
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles

@export()
@description('Storage Blob Data Owner')
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

@export()
@description('Storage Blob Data Contributor')
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

@export()
@description('Storage Blob Data Reader')
var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'

@export()
@description('Storage Queue Data Contributor')
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

@export()
@description('Storage Table Data Contributor')
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

@export()
@description('Monitoring Metrics Publisher')
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

@export()
@description('Key Vault Secrets User')
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
