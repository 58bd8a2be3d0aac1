#!/bin/sh
# azd postdeploy hook (POSIX). The Event Grid subscription that sends landing's
# BlobCreated events to the Land function needs the blob extension's system key, which
# exists only once the code is deployed. The first time, turn the subscription on
# (STRATA_LANDING_EVENTS=true, read by infra/main.parameters.json) and provision again;
# infra/modules/eventgrid.bicep then reads the key with listKeys inside ARM.
set -eu

current=$(azd env get-values | sed -n 's/^STRATA_LANDING_EVENTS="\(.*\)"$/\1/p' | head -n 1)
if [ "$current" = "true" ]; then
  echo "postdeploy: landing events already go to Land."
  exit 0
fi

echo "postdeploy: subscribing Land to BlobCreated events on landing (one more provision)..."
azd env set STRATA_LANDING_EVENTS true
if ! azd provision --no-prompt; then
  azd env set STRATA_LANDING_EVENTS false
  echo "postdeploy: provisioning the subscription failed; the next azd deploy tries again." >&2
  exit 1
fi
