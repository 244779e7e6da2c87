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
# The JupyterLab workbench test runs in a process of its own afterwards: inside the full run
# its article view twice never showed the words it selects (alone it passes; the cause in
# the shared process is not found yet).
LAB=tests/browser/test_workbench_lab.py
status=0
.venv/bin/python -m pytest -p no:cacheprovider -n "${BRIEFING_WORKERS:-2}" \
  --dist loadgroup --durations=15 --ignore="$LAB" "$@" || status=$?
if [[ $# -eq 0 ]]; then
  echo "test: pytest $LAB (its own process)"
  .venv/bin/python -m pytest -p no:cacheprovider --durations=5 "$LAB" || status=$?
fi
exit $status
