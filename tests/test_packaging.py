"""A wheel built from the repo holds every file the page and the package read at run time.

The wheel is built once, offline (`--no-build-isolation`: the lock pins setuptools), from a
private copy of the source tree (setuptools writes its `build/` folder into the tree it
builds: two test workers, or a leftover from an earlier run, must not share it), and
its file list is compared with the repo's own folders, so a file added to `briefing/static`,
the Voilà template or the assets later is checked without editing this test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = "briefing-0.1.0.data/data/"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], str]:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    src = build / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "test-artifacts", "__pycache__",
        ".pytest_cache", ".ruff_cache"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, cwd=build, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(build), "PIP_NO_CACHE_DIR": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [path] = out.glob("briefing-*.whl")
    with zipfile.ZipFile(path) as zf:
        return set(zf.namelist()), done.stderr


def _files(folder: str) -> list[Path]:
    return sorted(p for p in (REPO / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def test_build_prints_no_setuptools_warning(wheel: tuple[set[str], str]) -> None:
    _, stderr = wheel
    assert "Warning" not in stderr, stderr[-3000:]


def test_every_module_and_static_file_is_in_the_wheel(wheel: tuple[set[str], str]) -> None:
    names, _ = wheel
    wanted = [p.relative_to(REPO).as_posix() for p in _files("briefing")]
    assert any(w.startswith("briefing/static/") for w in wanted)
    assert [w for w in wanted if w not in names] == []


def test_template_and_settings_go_to_the_prefix(wheel: tuple[set[str], str]) -> None:
    names, _ = wheel
    template = [DATA + p.relative_to(REPO).as_posix()
                for p in _files("share/jupyter/voila/templates/briefing")]
    served = [DATA + "share/jupyter/voila/templates/briefing/static/" + name
              for name in ("plotly.min.js", "world_110m.json")]
    settings = [DATA + "etc/jupyter/voila.json",
                DATA + "etc/jupyter/jupyter_server_config.d/briefing.json"]
    assert [n for n in template + served + settings if n not in names] == []


@pytest.mark.parametrize("folder", ["codebooks", "gazetteer", "geo", "articles"])
def test_assets_go_to_the_prefix(wheel: tuple[set[str], str], folder: str) -> None:
    names, _ = wheel
    wanted = [DATA + "share/briefing/" + p.relative_to(REPO).as_posix()
              for p in _files(f"assets/{folder}")]
    assert wanted
    assert [w for w in wanted if w not in names] == []


def test_an_installed_package_finds_the_assets_in_its_prefix(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """Without a checkout beside the package, `assets_dir` reads what the wheel installed."""
    import briefing.folders as folders

    fake_pkg = tmp_path / "site" / "briefing"
    fake_pkg.mkdir(parents=True)
    monkeypatch.delenv("BRIEFING_ASSETS", raising=False)
    monkeypatch.setattr(folders, "__file__", str(fake_pkg / "folders.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    assert folders.assets_dir() == tmp_path / "prefix" / "share" / "briefing" / "assets"
    monkeypatch.setattr(folders, "__file__", str(REPO / "briefing" / "folders.py"))
    assert folders.assets_dir() == REPO / "assets"
