#!/usr/bin/env bash
# Install the application and open it on the demo station (created with sample data on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/hexie --demo "$@"
