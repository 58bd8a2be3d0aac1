# azd postprovision hook (Windows / PowerShell). Same as postprovision.sh:
# 1. Writes local.settings.json at the repository root: a local Functions host that talks
#    to the deployed lake with your own Entra identity (no keys; needs
#    STRATA_DEVELOPER_ACCESS=true, see docs/deploy.md). The host's own state stays in
#    Azurite so a local run never shares the deployed app's task hub.
# 2. Records that the PII key exists, so the next provision does not replace it.
$ErrorActionPreference = 'Stop'

$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
$values = @{}
foreach ($line in (azd env get-values)) {
    if ($line -match '^([^=]+)="(.*)"$') {
        $values[$Matches[1]] = $Matches[2]
    }
}

if (-not $values['LAKE_BLOB_ENDPOINT'] -or -not $values['LAKE_TABLE_ENDPOINT']) {
    Write-Error 'postprovision: LAKE_BLOB_ENDPOINT or LAKE_TABLE_ENDPOINT is not in the azd environment; was infra/ provisioned?'
}

$settings = [ordered]@{
    IsEncrypted = $false
    Values      = [ordered]@{
        FUNCTIONS_WORKER_RUNTIME          = 'dotnet-isolated'
        AzureWebJobsStorage               = 'UseDevelopmentStorage=true'
        Lake__blobServiceUri              = $values['LAKE_BLOB_ENDPOINT']
        Lake__queueServiceUri             = $values['LAKE_QUEUE_ENDPOINT']
        Strata__Storage__BlobServiceUri   = $values['LAKE_BLOB_ENDPOINT']
        Strata__Storage__TableServiceUri  = $values['LAKE_TABLE_ENDPOINT']
        Strata__Durable__HubName          = "$($values['STRATA_DURABLE_HUB_NAME'])local"
        Strata__Pii__Key                  = ''
    }
}
$path = Join-Path $repoRoot 'local.settings.json'
$settings | ConvertTo-Json -Depth 3 | Set-Content -Path $path -Encoding utf8NoBOM
Write-Host "postprovision: wrote $path for lake $($values['LAKE_BLOB_ENDPOINT'])"
Write-Host 'postprovision: set Strata__Pii__Key yourself before loading PII locally; Key Vault references do not resolve in a local host.'

if ($values['STRATA_CREATE_PII_KEY'] -ne 'false') {
    azd env set STRATA_CREATE_PII_KEY false
    Write-Host 'postprovision: the PII key exists now; later provisions keep it (STRATA_CREATE_PII_KEY=false).'
}
