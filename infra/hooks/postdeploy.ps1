# azd postdeploy hook (Windows / PowerShell). Same as postdeploy.sh: the Event Grid
# subscription from landing to Land needs the blob extension's system key, which exists
# only once the code is deployed. The first time, turn it on (STRATA_LANDING_EVENTS=true)
# and provision again; infra/modules/eventgrid.bicep reads the key with listKeys in ARM.
$ErrorActionPreference = 'Stop'

$current = (azd env get-values | Select-String -Pattern '^STRATA_LANDING_EVENTS="(.*)"$' | Select-Object -First 1)
if ($current -and $current.Matches[0].Groups[1].Value -eq 'true') {
    Write-Host 'postdeploy: landing events already go to Land.'
    exit 0
}

Write-Host 'postdeploy: subscribing Land to BlobCreated events on landing (one more provision)...'
azd env set STRATA_LANDING_EVENTS true
azd provision --no-prompt
if ($LASTEXITCODE -ne 0) {
    azd env set STRATA_LANDING_EVENTS false
    Write-Error 'postdeploy: provisioning the subscription failed; the next azd deploy tries again.'
}
