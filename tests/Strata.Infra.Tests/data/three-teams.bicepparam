// Three teams, one of each kind: a plain reader, a PII reader and a producer.
// The access matrix these produce is data/access-matrix.three-teams.txt.
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
]
