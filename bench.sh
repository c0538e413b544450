#!/usr/bin/env bash
# Benchmarks (issues 5 and 15) against the cloud in OS_*, or the local real cloud (tests/cloud/start.sh) when none is set.
#   ./bench.sh [--runs N] [--upload-mib N] [--bulk N] [--skip-upload] [--skip-bulk] [--import-mib N] [--skip-import]
#              [--download-mib N] [--servers N] [--only list,coldstart,upload,download,bulk,import,servers] [--cleanup-servers]
# Prints a Markdown table of medians and ratios against the `openstack` CLI (or curl) measured in the same run.
# --only runs some figures alone (e.g. --only coldstart). The servers figure boots N servers (500) in project perf-bench
# on the first run and keeps them; --cleanup-servers deletes them. pwsh: OSPS_PWSH, else $OSPS_TOOLS_DIR/pwsh, main's .tools, PATH.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
if [ -z "${OS_AUTH_URL:-}" ]; then
  services=all # the servers figure needs Nova; --only without it needs Keystone and Glance alone
  case " $* " in *" --only "*) case " $* " in *servers*) ;; *) services=keystone,glance ;; esac ;; esac
  tests/cloud/start.sh --services "$services" >&2
  # shellcheck disable=SC1091
  . "${OSPS_CLOUD_DIR:-/var/tmp/osps-cloud}/openrc"
fi
# The cold-start figure is for the runbook host as we ship it for CI/containers: published ReadyToRun.
dotnet publish src/OpenStack.PowerShell.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o out/osps-r2r --nologo -v quiet -clp:ErrorsOnly >&2
# The linux-x64 ReadyToRun copy of the staged module (out/OpenStack.PowerShell.linux-x64), for the pwsh cold-start figure;
# the publish above restored crossgen2, the benchmarks' restore brings System.Management.Automation.
dotnet restore bench/OpenStack.PowerShell.Benchmarks --nologo -v quiet >&2
dotnet build src/OpenStack.PowerShell -c Release -p:ModuleReadyToRun=true --nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/OpenStack.PowerShell.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet bench/OpenStack.PowerShell.Benchmarks/bin/Release/net10.0/OpenStack.PowerShell.Benchmarks.dll "$@"
