// Event Grid wiring for the blob trigger on landing (function Land, Source = EventGrid).
//
// The subscription's webhook URL carries the blobs_extension system key, and that key
// exists only once the code is deployed and the host has loaded the blob extension
// (the azd Event Grid blob samples create the subscription in a post-deploy hook for
// the same reason). So the system topic always exists, and the subscription is
// declared here but guarded by subscribeLanding: the postdeploy hook sets
// STRATA_LANDING_EVENTS=true and re-provisions once. The key is read with listKeys at
// deployment time and never leaves ARM: it is in no parameter and no output.

@description('Name of the Event Grid system topic on the lake account.')
param systemTopicName string

@description('Azure region of the system topic (the lake account\'s region).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the lake storage account whose events are published.')
param lakeStorageName string

@description('Name of the Function App hosting the Land function.')
param functionAppName string

@description('Create the subscription that delivers landing BlobCreated events to Land; needs the deployed code (see above).')
param subscribeLanding bool

@description('Name of the function the blob trigger runs, as in [Function("...")].')
param landFunctionName string = 'Land'

resource lake 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: lakeStorageName
}

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: lake.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource landing 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscribeLanding) {
  parent: topic
  name: 'landing-to-${toLower(landFunctionName)}'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${landFunctionName}&code=${listKeys('${app.id}/host/default', app.apiVersion).systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/landing/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Name of the system topic.')
output systemTopicName string = topic.name
