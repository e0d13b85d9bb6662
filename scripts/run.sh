#!/usr/bin/env bash
# Quick start (1): installs what is missing, builds, and runs EnvGis with the Hải Phòng sample data
# on http://127.0.0.1:5080 (override with --urls or ENVGIS_URLS). Extra arguments go to the server.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root=$(repo_root)
cd "$root"
require_tool dotnet "install the .NET 10 SDK"
ensure_server_packages
build_portal "$root"
dotnet build EnvGis.sln -c Release -nologo -v quiet
# The data (embedded cluster, uploads, keys) live in ./data at the repository root unless ENVGIS_DATA_DIR says otherwise.
export ENVGIS_DATA_DIR="${ENVGIS_DATA_DIR:-$root/data}"
exec dotnet run -c Release --no-build --project src/EnvGis.Server -- "$@"
