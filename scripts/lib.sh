# Shared by the scripts: install what is missing from Debian's packages and build the portal.
set -euo pipefail

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the given Debian packages when any is missing (as root directly, otherwise with sudo).
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# PostgreSQL 15 + PostGIS 3 for the embedded database.
ensure_server_packages() {
  ensure_debian_packages postgresql-15 postgresql-15-postgis-3
}

require_tool() {
  command -v "$1" >/dev/null 2>&1 || { echo "$1 is required: $2" >&2; exit 1; }
}

# The OpenLayers portal: npm packages from the lock file, bundled into the server's wwwroot.
build_portal() {
  require_tool npm "install Node.js 20 and npm (Debian: apt-get install nodejs npm)"
  (cd "$1/src/EnvGis.Portal" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
}
