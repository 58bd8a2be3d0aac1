// The lake's containers and Strata's tables, named once. Storage creates them from
// these lists and the rbac modules grant on them, so the two cannot drift apart.

@export()
@description('Blob containers of the lake, one per layer, in pipeline order; then lineage (OpenLineage events as JSON lines, granted to no team) and strata, Strata\'s own files (parse fragments), which only the app may touch: readers glob whole layer containers, so internal files live outside them.')
var lakeContainers = [
  'landing'
  'raw'
  'load'
  'quarantine'
  'integrate'
  'products'
  'lineage'
  'strata'
]

@export()
@description('Azure Table Storage tables Strata keeps its fingerprints, receipts, runs and lineage in (alphanumeric names).')
var strataTables = [
  'StrataPartitions'
  'StrataReceipts'
  'StrataRuns'
  'StrataSchemas'
  'StrataLineage'
  'StrataFragments'
  'StrataPipelines'
  'StrataLake'
]

@export()
@description('Queue the blob trigger writes poison-blob messages to, on the storage account of its connection (Lake).')
var blobTriggerPoisonQueue = 'webjobs-blobtrigger-poison'

@export()
@description('Prefix of every team sandbox container on the sandbox account.')
var sandboxContainerPrefix = 'sandbox-'
