#!/usr/bin/env bash
# Install what is missing (Chromium too, when run as root), then run every check:
# ruff, notebook hygiene, unit tests, the notebook executed headless, and the browser
# tests against a real Voilà server. Screenshots go to $BRIEFING_ARTIFACTS.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export BRIEFING_ARTIFACTS=${BRIEFING_ARTIFACTS:-$PWD/test-artifacts}
mkdir -p "$BRIEFING_ARTIFACTS"
# The load cache of this run lives in a private temporary folder, not in ~/.cache.
export BRIEFING_CACHE=${BRIEFING_CACHE:-$(mktemp -d)}
echo "test: ruff"
.venv/bin/ruff check briefing tests bench
echo "test: pytest (screenshots and logs in $BRIEFING_ARTIFACTS)"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
