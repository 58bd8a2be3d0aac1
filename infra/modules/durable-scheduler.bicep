// Opt-in Durable Task Scheduler: a managed backend for Durable Functions instead of the
// Azure Storage provider on the host account. The app's role on it is in rbac/app-access.bicep.

@description('Name of the scheduler (3-64 letters, digits and hyphens).')
@minLength(3)
@maxLength(64)
param name string

@description('Name of the task hub Strata\'s orchestrations run in.')
param taskHubName string

@description('Azure region of the scheduler.')
param location string

@description('Tags applied to every resource.')
param tags object

resource scheduler 'Microsoft.DurableTask/schedulers@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'Consumption'
    }
    // An empty allow list denies every caller; access is still gated by Entra roles.
    ipAllowlist: [
      '0.0.0.0/0'
    ]
  }

  resource taskHub 'taskHubs' = {
    name: taskHubName
  }
}

@description('Name of the scheduler.')
output name string = scheduler.name

@description('gRPC endpoint of the scheduler, for DURABLE_TASK_SCHEDULER_CONNECTION_STRING.')
output endpoint string = scheduler.properties.endpoint
