#!/usr/bin/env bash
# Runs the Pester suite (tests/Pester/*.Tests.ps1 and examples/*.Tests.ps1) in real pwsh against the staged module.
# Installs what it needs on a new machine, once, inside the clone (.tools/, ignored by git):
#   pwsh 7.6.9 as a .NET tool (.tools/pwsh/pwsh) and Pester 5.7.1 from NuGet (.tools/packages/pester/5.7.1).
# Builds the module, the test cloud and osps (Debug) unless OSPS_PESTER_NO_BUILD=1; ends with
#   "Pester: Passed: N, Failed: M, Skipped: K" and exits 1 when anything failed.
#   tests/Pester/run.sh [path-or-file ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${OSPS_TOOLS_DIR:-$root/.tools}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_DIAGNOSTICS_OPTOUT=1 \
  POWERSHELL_UPDATECHECK=Off NO_COLOR=1

pwsh_bin="$tools/pwsh/pwsh"
if [ ! -x "$pwsh_bin" ]; then
  echo "pester: installing pwsh 7.6.9 into $tools/pwsh" >&2
  dotnet tool install --tool-path "$tools/pwsh" PowerShell --version 7.6.9 >&2
fi
pester_psd1="$tools/packages/pester/5.7.1/tools/Pester.psd1"
if [ ! -f "$pester_psd1" ]; then
  echo "pester: restoring Pester 5.7.1 into $tools/packages" >&2
  dotnet restore "$root/tests/Pester/Pester.Packages.csproj" --packages "$tools/packages" --nologo -v quiet >&2
fi
export OSPS_PESTER_PSD1="$pester_psd1" OSPS_PWSH="$pwsh_bin"
# What the suite loads: the test cloud (stages it beside the module) and osps (builds and stages the module too).
# `dotnet test` of the solution builds only the test projects and what they reference; up to date, these take seconds.
if [ "${OSPS_PESTER_NO_BUILD:-0}" != 1 ]; then
  for project in src/OpenStack.PowerShell.TestCloud src/OpenStack.PowerShell.Host; do
    dotnet build "$root/$project" -c Debug --nologo -v quiet -clp:ErrorsOnly >&2
  done
fi
# The packages the install test installs, made from the staged modules as Publish-PSResource would.
"$pwsh_bin" -NoProfile -NonInteractive -File "$root/tools/Pack-Module.ps1" >&2
exec "$pwsh_bin" -NoProfile -NonInteractive -File "$root/tests/Pester/Invoke-Suite.ps1" "$@"
