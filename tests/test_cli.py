"""The command line: exit codes and output, run as a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.__main__ import COMMANDS, main, parser

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "articles" / "tiny-valid"
BROKEN = ROOT / "tests" / "data" / "broken"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_validate_real_article_prints_one_summary_line():
    r = run("validate")
    assert r.returncode == 0, r.stderr
    [line] = r.stdout.splitlines()
    assert "events=" in line and "evidence=" in line and "sentences=" in line
    assert "coverage 19/19" in line and "(100%)" in line


def test_validate_broken_input_lists_problems_without_traceback():
    r = run("validate", str(BROKEN / "unknown-actor"))
    assert r.returncode == 1
    out = r.stdout + r.stderr
    assert "Traceback" not in out
    assert "facts.yaml:44: ev-tiny-visit: participants: unknown actor 'gondor'" in out


@pytest.mark.parametrize("path", ["yaml-alias", "not-utf8", "missing-article-text"])
def test_validate_hostile_input_exits_1_cleanly(path):
    r = run("validate", str(BROKEN / path))
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert r.stderr.startswith("1 problem")


def test_validate_missing_path():
    r = run("validate", "no/such/folder")
    assert r.returncode == 1
    assert "no/such/folder" in r.stderr and "Traceback" not in r.stderr


def test_coverage_lists_each_sentence_and_the_uncited(tmp_path):
    r = run("coverage", str(TINY))
    assert r.returncode == 0
    assert "[heading] Envoy Goes North" in r.stdout
    assert "← ev-tiny-visit, pos-tiny-alba-help" in r.stdout
    assert "uncited sentences: none" in r.stdout

    # Cite nothing from the last sentence: coverage names it, validate counts it.
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "article.txt").write_text(
        (TINY / "article.txt").read_text(encoding="utf-8") + " Nobody cites this.",
        encoding="utf-8")
    (folder / "facts.yaml").write_bytes((TINY / "facts.yaml").read_bytes())
    r = run("coverage", str(folder))
    assert r.returncode == 0
    assert "uncited sentences (1):" in r.stdout
    assert "tiny-valid:s4: Nobody cites this." in r.stdout
    assert "coverage 3/4" in run("validate", str(folder)).stdout


def test_main_in_process_returns_exit_codes(capsys):
    assert main(["validate", str(TINY)]) == 0
    assert main(["validate", str(BROKEN / "bad-status")]) == 1
    assert "happened" in capsys.readouterr().err


def test_every_command_is_documented():
    help_text = parser().format_help()
    for name, cmd in COMMANDS.items():
        assert name in help_text and cmd.help
