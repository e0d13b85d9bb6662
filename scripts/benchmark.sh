#!/usr/bin/env bash
# Benchmarks: builds in Release and prints figures with ratios against baselines run in the same process.
# Parts: tiles (default); pass part names to choose, e.g. ./scripts/benchmark.sh tiles
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(repo_root)
cd "$root"
ensure_server_packages
dotnet build EnvGis.sln -c Release -nologo -v quiet
exec dotnet run -c Release --no-build --project bench/EnvGis.Benchmarks -- "$@"
