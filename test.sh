#!/usr/bin/env bash
# Builds the module, stages it in out/OpenStack.PowerShell/, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test OpenStack.PowerShell.sln --nologo -c Debug "$@"
