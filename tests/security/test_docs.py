"""SECURITY.md and the README's sharing section say what the code does."""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
ROW = re.compile(r"^\| `(\w+)\.(\w+)` \| `(.+?)` \|", re.MULTILINE)


def test_security_settings_table_matches_voila_json() -> None:
    config = json.loads((REPO_ROOT / "voila.json").read_text())
    rows = ROW.findall((REPO_ROOT / "SECURITY.md").read_text())
    assert len(rows) >= 10
    for section, key, value in rows:
        assert config[section][key] == json.loads(value), (section, key)


def test_security_names_the_code_and_tests_it_relies_on() -> None:
    text = (REPO_ROOT / "SECURITY.md").read_text()
    for path in re.findall(r"`((?:briefing|tests|share)/[\w./-]+)`", text):
        assert (REPO_ROOT / path).exists(), path
    for name in re.findall(r"`(test_\w+\.py)`", text):
        assert list(REPO_ROOT.glob(f"tests/**/{name}")), name


def test_readme_says_how_to_share_safely() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split("## Sharing it safely", 1)[1].split("\n## ", 1)[0]
    for words in ("127.0.0.1", "reverse proxy", "token", "SECURITY.md"):
        assert words in section, words
    assert readme.index("## Sharing it safely") < readme.index("## Layout")
