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
exec dotnet run -c Release --no-build --project src/EnvGis.Server -- "$@"
