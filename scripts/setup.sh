#!/usr/bin/env bash
# Install everything the project needs into ./.venv, from the pinned lock file.
# Idempotent: it skips pip when neither the lock nor pyproject.toml changed since the last run.
# Usage: bash scripts/setup.sh [--browser]   (--browser also makes sure Chromium is there)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.briefing-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "setup: installing pinned packages (requirements.lock)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.lock
  # The project itself, editable, with no further dependency resolution: the lock is the truth.
  # setuptools warns on every editable install that a folder named like the package may
  # shadow it; here that folder is the package itself, so the notice is silenced by name.
  PYTHONWARNINGS="ignore:Editable installation" \
    .venv/bin/python -m pip install --quiet --no-deps -e .
  echo "$want" > "$stamp"
fi

# The Voilà template, plotly.js, the map and the settings go into the environment's
# prefix, as a wheel install puts them ([tool.setuptools.data-files]); an editable install
# does not, so they are copied here (every run: a template edited since is copied again).
# Plain `voila briefing.ipynb` and JupyterLab's Voilà preview then serve our page.
.venv/bin/python - <<'PY'
import glob, shutil, sys, tomllib
from pathlib import Path

table = tomllib.loads(Path("pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
for target, sources in table.items():
    dest = Path(sys.prefix) / target
    dest.mkdir(parents=True, exist_ok=True)
    for pattern in sources:  # setuptools takes glob patterns here; so do we
        for src in sorted(glob.glob(pattern)):
            shutil.copy2(src, dest / Path(src).name)
PY

if [[ ${1:-} == --browser ]]; then
  if [[ ! -x /usr/bin/chromium ]]; then
    if [[ $(id -u) == 0 ]]; then
      echo "setup: installing Debian's chromium"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "setup: /usr/bin/chromium is missing; install Debian's 'chromium' package (needs root)" >&2
    fi
  fi
fi
