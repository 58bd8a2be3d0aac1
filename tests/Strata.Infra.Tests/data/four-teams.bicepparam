// The three teams of three-teams.bicepparam plus a fourth: onboarding it must add its
// sandbox container and its grants, and change nothing else.
using '../../../infra/main.bicep'

param environmentName = 'strata-test'
param location = 'westeurope'
param createPiiKey = true
param teams = [
  {
    name: 'analytics'
    principalId: '00000000-0000-0000-0000-0000000000a1'
    principalType: 'Group'
    readLayers: ['products']
    pii: false
    producer: false
  }
  {
    name: 'privacy'
    principalId: '00000000-0000-0000-0000-0000000000b2'
    principalType: 'Group'
    readLayers: ['load', 'integrate']
    pii: true
    producer: false
  }
  {
    name: 'orders'
    principalId: '00000000-0000-0000-0000-0000000000c3'
    principalType: 'ServicePrincipal'
    readLayers: ['load']
    pii: false
    producer: true
  }
  {
    name: 'finance'
    principalId: '00000000-0000-0000-0000-0000000000d4'
    principalType: 'User'
    readLayers: ['integrate', 'products']
    pii: false
    producer: true
  }
]
