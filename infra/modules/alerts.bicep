// Alerts on the app's own telemetry: the Strata meter's custom metrics as they land in
// Application Insights (customMetrics, dimensions in customDimensions; see README, Data quality).
// Log-search rules (scheduledQueryRules) rather than metric alerts: custom-metric dimensions
// such as strata.status are only alertable from the logs, and one query per rule names the
// pipeline and dataset in the alert. Every rule notifies one action group whose receivers
// are parameters (docs/deploy.md says how to set them).

@description('Name of the Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Name of the action group.')
param actionGroupName string

@description('Azure region of the alert rules (the action group is global).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('E-mail addresses to notify, comma-separated. Empty: the action group exists and notifies no one until set.')
param emails string = ''

@description('Webhook URLs to notify, comma-separated (a Teams or Slack incoming webhook, an incident tool). Secure: such URLs carry their token.')
@secure()
param webhooks string = ''

@description('Quarantine share of one source in one run above which the quarantine alert fires (the pipeline\'s own max_quarantine_ratio decides CompletedWithWarnings).')
param maxQuarantineRatio string = '0.05'

@description('A pipeline that has completed no run for this long is reported stale (ISO 8601; at most P2D).')
param staleAfter string = 'P1D'

var emailList = filter(map(split(emails, ','), e => trim(e)), e => !empty(e))
var webhookList = filter(map(split(webhooks, ','), w => trim(w)), w => !empty(w))

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'strata'
    enabled: true
    emailReceivers: [for (address, i) in emailList: { name: 'email-${i}', emailAddress: address, useCommonAlertSchema: true }]
    webhookReceivers: [for (uri, i) in webhookList: { name: 'webhook-${i}', serviceUri: uri, useCommonAlertSchema: true }]
  }
}

// One rule per signal. The queries read the Strata meter (src/Strata.Core/Telemetry/StrataTelemetry.cs).
var dims = 'pipeline = tostring(customDimensions["strata.pipeline"])'
var rules = [
  {
    name: 'run-failed'
    description: 'A run ended Failed or CompletedWithFailures.'
    severity: 1
    window: 'PT15M'
    query: 'customMetrics | where name == "strata.runs" | extend status = tostring(customDimensions["strata.status"]) | where status in ("Failed", "CompletedWithFailures") | summarize runs = sum(valueSum) by ${dims}, status'
    measure: 'runs'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'run-warnings'
    description: 'A run ended CompletedWithWarnings: a source quarantined over its max_quarantine_ratio or a whole file.'
    severity: 2
    window: 'PT15M'
    query: 'customMetrics | where name == "strata.runs" | where tostring(customDimensions["strata.status"]) == "CompletedWithWarnings" | summarize runs = sum(valueSum) by ${dims}'
    measure: 'runs'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'quarantine-ratio'
    description: 'A source quarantined more than maxQuarantineRatio of its rows in a run.'
    severity: 2
    window: 'PT15M'
    query: 'customMetrics | where name == "strata.quarantine.ratio" | summarize ratio = max(valueMax) by ${dims}, dataset = tostring(customDimensions["strata.dataset"])'
    measure: 'ratio'
    operator: 'GreaterThan'
    threshold: json(maxQuarantineRatio)
  }
  {
    name: 'data-drift'
    description: 'Semantic drift found in a partition (volume, null rate, new value, range).'
    severity: 3
    window: 'PT15M'
    query: 'customMetrics | where name == "strata.drift.events" | summarize events = sum(valueSum) by ${dims}, dataset = tostring(customDimensions["strata.dataset"]), kind = tostring(customDimensions["strata.drift.kind"])'
    measure: 'events'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'pipeline-stale'
    description: 'No run of any pipeline completed within staleAfter (the schedule was missed or every run failed).'
    severity: 2
    window: staleAfter
    query: 'customMetrics | where name == "strata.runs" | where tostring(customDimensions["strata.status"]) startswith "Completed" | summarize runs = sum(valueSum)'
    measure: 'runs'
    operator: 'LessThan'
    threshold: 1
  }
  {
    // Error checks only: a failing error check holds its partition (downstream waits), which needs
    // someone; warn checks are reported by the run and `strata checks list`, like drift, not paged.
    name: 'check-failed'
    description: 'An error-severity check failed on a partition, which is now held: downstream partitions wait for a fix, a replay or strata checks accept.'
    severity: 2
    window: 'PT15M'
    query: 'customMetrics | where name == "strata.check.failures" | where tostring(customDimensions["strata.severity"]) == "error" | summarize failures = sum(valueSum) by ${dims}, dataset = tostring(customDimensions["strata.dataset"]), check = tostring(customDimensions["strata.check"])'
    measure: 'failures'
    operator: 'GreaterThan'
    threshold: 0
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [for rule in rules: {
  name: 'strata-${rule.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'Strata: ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Total'
          metricMeasureColumn: rule.measure
          operator: rule.operator
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}]

@description('Resource id of the action group every Strata alert notifies.')
output actionGroupId string = actionGroup.id
