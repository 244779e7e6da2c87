#!/usr/bin/env bash
# Install what is missing, then serve the dashboard on 127.0.0.1 and print its URL.
# Extra arguments go to `python -m briefing serve` (e.g. --port 8867).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m briefing serve "$@"
