#!/bin/sh
# azd postprovision hook (POSIX).
# 1. Writes local.settings.json at the repository root: a local Functions host that talks
#    to the deployed lake with your own Entra identity (no keys; needs
#    STRATA_DEVELOPER_ACCESS=true, see docs/deploy.md). The host's own state stays in
#    Azurite so a local run never shares the deployed app's task hub.
# 2. Records that the PII key exists, so the next provision does not replace it.
set -eu

repo_root=$(cd "$(dirname "$0")/../.." && pwd)
values=$(azd env get-values)

# value NAME: the value of NAME in `azd env get-values` (lines of NAME="value").
value() {
  printf '%s\n' "$values" | sed -n "s/^$1=\"\(.*\)\"\$/\1/p" | head -n 1
}

# json TEXT: TEXT escaped for a JSON string.
json() {
  printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

lake_blob=$(value LAKE_BLOB_ENDPOINT)
lake_queue=$(value LAKE_QUEUE_ENDPOINT)
lake_table=$(value LAKE_TABLE_ENDPOINT)
hub=$(value STRATA_DURABLE_HUB_NAME)

if [ -z "$lake_blob" ] || [ -z "$lake_table" ]; then
  echo "postprovision: LAKE_BLOB_ENDPOINT or LAKE_TABLE_ENDPOINT is not in the azd environment; was infra/ provisioned?" >&2
  exit 1
fi

cat > "$repo_root/local.settings.json" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "Lake__blobServiceUri": "$(json "$lake_blob")",
    "Lake__queueServiceUri": "$(json "$lake_queue")",
    "Strata__Storage__BlobServiceUri": "$(json "$lake_blob")",
    "Strata__Storage__TableServiceUri": "$(json "$lake_table")",
    "Strata__Durable__HubName": "$(json "${hub}local")",
    "Strata__Pii__Key": ""
  }
}
JSON
echo "postprovision: wrote $repo_root/local.settings.json for lake $lake_blob"
echo "postprovision: set Strata__Pii__Key yourself before loading PII locally; Key Vault references do not resolve in a local host."

if [ "$(value STRATA_CREATE_PII_KEY)" != "false" ]; then
  azd env set STRATA_CREATE_PII_KEY false
  echo "postprovision: the PII key exists now; later provisions keep it (STRATA_CREATE_PII_KEY=false)."
fi
