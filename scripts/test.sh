#!/usr/bin/env bash
# Quick start (2): installs what the tests need (PostgreSQL + PostGIS, GDAL, OWSLib, QGIS, Chromium, pure-ftpd,
# the OpenAPI linter), builds
# everything, and runs every test: the portal's unit tests (node), then unit, integration (throwaway
# embedded PostGIS clusters), real OGC clients and the portal in headless Chromium (dotnet test).
# Ends with one line "Tests: N passed, N failed, N skipped" over both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(repo_root)
cd "$root"
require_tool dotnet "install the .NET 10 SDK"
ensure_server_packages
ensure_debian_packages gdal-bin python3-owslib chromium fonts-dejavu-core docker-compose python3-qgis qgis-providers \
  pure-ftpd curl python3-aiosmtpd
build_portal "$root"
# Command-line tools the tests run (the OpenAPI linter), from their lock file.
(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
dotnet build EnvGis.sln -c Release -nologo -v quiet

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
export ENVGIS_TEST_ARTIFACTS="$results"
set +e
(cd src/EnvGis.Portal && npm test 2>&1) | tee "$results/portal-unit-tests.log"
portal_status=${PIPESTATUS[0]}
dotnet test EnvGis.sln -c Release --no-build --nologo --results-directory "$results" \
  --blame-hang-timeout 15m 2>&1 | tee "$results/dotnet-test.log"
dotnet_status=${PIPESTATUS[0]}
set -e

# One closing line over node's summary ("# pass N", "# fail N") and dotnet test's per-assembly lines.
read -r passed failed skipped < <(
  { grep -E '^# (pass|fail|skipped) ' "$results/portal-unit-tests.log" |
      awk '{n[$2]+=$3} END {print "node", n["pass"]+0, n["fail"]+0, n["skipped"]+0}'
    grep -E '^(Passed!|Failed!)' "$results/dotnet-test.log" |
      sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/dotnet \2 \1 \3/'
  } | awk '{p+=$2; f+=$3; s+=$4} END {print p+0, f+0, s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$portal_status" -ne 0 ] || [ "$dotnet_status" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
