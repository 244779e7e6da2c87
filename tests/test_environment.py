"""The pip lock, pyproject.toml and environment.yml describe one environment."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_name(name)] = version.strip()
    return pins


def _conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_block = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return {_name(r): r.split("==", 1)[1] for r in pip_block if "==" in r}


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return sorted({_name(r) for r in reqs})


def test_every_declared_dependency_is_pinned_in_the_lock():
    lock = _lock()
    missing = [name for name in _declared() if name not in lock]
    assert not missing, f"in pyproject.toml but not pinned in requirements.lock: {missing}"


def test_environment_yml_lists_every_declared_dependency():
    conda = _conda_pins()
    missing = [name for name in _declared() if name not in conda]
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"


def test_environment_yml_pins_match_the_lock():
    lock, conda = _lock(), _conda_pins()
    drift = {name: (version, lock.get(name)) for name, version in conda.items()
             if lock.get(name) != version}
    assert not drift, f"environment.yml vs requirements.lock (yml, lock): {drift}"


def test_lock_satisfies_pyproject_lower_bounds():
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    lock = _lock()
    bad = [r for r in reqs if lock[_name(r)] not in Requirement(r).specifier]
    assert not bad, f"the lock does not satisfy: {bad}"


def test_the_environment_holds_the_template_and_settings():
    """scripts/setup.sh puts pyproject's data-files into the environment's prefix, as a
    wheel install does: plain `voila briefing.ipynb` finds our template and settings."""
    import sys

    table = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "data-files"]
    if not (Path(sys.prefix) / "share" / "jupyter").is_dir() or \
            Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        import pytest

        pytest.skip("not the project's own environment")
    for target, patterns in table.items():
        for pattern in patterns:  # setuptools' data-files take glob patterns
            sources = sorted(ROOT.glob(pattern))
            assert sources, f"{pattern} matches nothing"
            for src in sources:
                placed = Path(sys.prefix) / target / src.name
                assert placed.is_file(), placed
                assert placed.read_bytes() == src.read_bytes(), f"{placed} is stale"
