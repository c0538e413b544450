#!/usr/bin/env bash
# The main job: builds the module and the osps runbook host, then runs a runbook in the real PowerShell
# engine with the module loaded. With no arguments it runs examples/quickstart.ps1, then
# examples/reachable-server.ps1 (keypair, security group, routed network, server, floating IP), against the cloud in
# OS_* (or OS_CLOUD); when neither is set, against the project's fake cloud started on 127.0.0.1.
#   ./run.sh                      # the quickstart, then reachable-server.ps1
#   ./run.sh my-runbook.ps1 args  # any runbook
#   ./run.sh -c 'Get-OSImage'     # one command
#   ./run.sh -i                   # an interactive prompt
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/OpenStack.PowerShell.Host -c Release --nologo -v quiet -clp:ErrorsOnly >&2
host=src/OpenStack.PowerShell.Host/bin/Release/net10.0/osps.dll

fake_pid=""
cleanup() { [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${OS_AUTH_URL:-}" ] && [ -z "${OS_CLOUD:-}" ]; then
  dotnet build tests/OpenStack.FakeCloud -c Release --nologo -v quiet -clp:ErrorsOnly >&2
  env_file=$(mktemp)
  dotnet tests/OpenStack.FakeCloud/bin/Release/net10.0/OpenStack.FakeCloud.dll --port 0 > "$env_file" &
  fake_pid=$!
  for _ in $(seq 1 100); do grep -q '^export OS_AUTH_URL=' "$env_file" && break; sleep 0.1; done
  echo "run.sh: no OS_AUTH_URL or OS_CLOUD set: using the fake cloud at $(grep -o 'http[^ ]*' "$env_file" | head -1)" >&2
  # shellcheck disable=SC1090
  . <(grep '^export OS_' "$env_file")
  rm -f "$env_file"
fi
if [ $# -gt 0 ]; then
  dotnet "$host" "$@"
else
  # The main job: the quickstart, then the runbook everyone writes next, a server one could SSH into
  # (examples/reachable-server.ps1 says itself when it skips: a cloud without an external network "public").
  dotnet "$host"
  dotnet "$host" examples/reachable-server.ps1
fi
