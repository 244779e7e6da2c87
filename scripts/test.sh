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
# Two workers (pytest-xdist): the tests that drive servers and Chromium run in one of them,
# in file order (tests/conftest.py groups them); everything else is spread over both. The
# 15 slowest tests are listed at the end of every run.
exec .venv/bin/python -m pytest -p no:cacheprovider -n "${BRIEFING_WORKERS:-2}" \
  --dist loadgroup --durations=15 "$@"
