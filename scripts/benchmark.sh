#!/usr/bin/env bash
# Benchmarks: builds in Release and prints figures with ratios against baselines run in the same process.
# Parts: tiles, hot, wfs, wms, ogcapi, downloads, monitoring, portal, load, faults (all by default) and monitoring-ingest
# (the ingestion half of monitoring alone); pass part names to
# choose, e.g. ./scripts/benchmark.sh tiles hot. The WMS part runs MapServer 8 (mapserver-bin) under
# lighttpd's FastCGI as its baseline; the hot tile part runs wrk against EnvGis and against lighttpd serving
# the same bytes as a file; the portal part measures the map's first paint in Debian's headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(repo_root)
cd "$root"
ensure_server_packages
ensure_debian_packages mapserver-bin lighttpd wrk chromium fonts-dejavu-core
build_portal "$root"
dotnet build EnvGis.sln -c Release -nologo -v quiet
exec dotnet run -c Release --no-build --project bench/EnvGis.Benchmarks -- "$@"
