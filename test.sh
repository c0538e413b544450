#!/usr/bin/env bash
# All tests, one command. Builds the module (staged in out/OpenStack.PowerShell/) with the test cloud beside it
# (out/OpenStack.PowerShell.TestCloud/), runs the xunit suites (dotnet test OpenStack.PowerShell.sln; arguments go to it),
# then the Pester suite in real pwsh (tests/Pester/run.sh: installs pwsh 7.6.9 and Pester 5.7.1 into .tools/ on first
# use, packs the .nupkg files into out/packages/, runs tests/Pester/*.Tests.ps1 and examples/*.Tests.ps1).
set -uo pipefail
cd "$(dirname "$0")"
dotnet test OpenStack.PowerShell.sln --nologo -c Debug "$@"
dotnet_status=$?
tests/Pester/run.sh
pester_status=$?
[ "$dotnet_status" -eq 0 ] && [ "$pester_status" -eq 0 ]
