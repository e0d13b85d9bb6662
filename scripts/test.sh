#!/usr/bin/env bash
# Quick start (2): installs what the tests need (PostgreSQL + PostGIS, GDAL, OWSLib, Chromium), builds
# everything, and runs every test: unit, integration over throwaway embedded PostGIS clusters, real OGC
# clients and the portal in headless Chromium. Ends with a line "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(repo_root)
cd "$root"
require_tool dotnet "install the .NET 10 SDK"
ensure_server_packages
ensure_debian_packages gdal-bin python3-owslib chromium fonts-dejavu-core docker-compose
build_portal "$root"
dotnet build EnvGis.sln -c Release -nologo -v quiet

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
set +e
dotnet test EnvGis.sln -c Release --no-build --nologo --results-directory "$results" \
  --blame-hang-timeout 15m 2>&1 | tee "$results/test-output.log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries of dotnet test into one closing line.
read -r passed failed skipped < <(grep -E '^(Passed!|Failed!)' "$results/test-output.log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
