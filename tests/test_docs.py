"""What the README promises exists: every CLI command is documented, every path named."""

import re
from pathlib import Path

from briefing.__main__ import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented_in_the_readme():
    missing = [name for name in COMMANDS if f"briefing {name}" not in README
               and "serve.sh" not in README]
    undocumented = [name for name in COMMANDS if not re.search(rf"\b{name}\b", README)]
    assert not missing and not undocumented, (missing, undocumented)


def test_the_two_commands_exist_and_ci_calls_the_test_command():
    assert "bash scripts/serve.sh" in README and "bash scripts/test.sh" in README
    assert (ROOT / "scripts/serve.sh").is_file() and (ROOT / "scripts/test.sh").is_file()
    assert "scripts/test.sh" in (ROOT / ".ci/run").read_text()


def test_paths_named_in_the_readme_exist():
    named = set(re.findall(r"`((?:assets|briefing|docs|tests|scripts|share|bench)/[^`*<> ]*)`",
                           README))
    missing = sorted(p for p in named if not (ROOT / p.rstrip("/")).exists())
    assert not missing, f"README names paths that do not exist: {missing}"


def test_the_readme_python_example_runs():
    # The analyst's first steps, exactly as the README shows them.
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README shows no Python example"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


DOCS = [ROOT / "README.md", ROOT / "SECURITY.md", ROOT / "bench" / "README.md",
        *sorted((ROOT / "docs").glob("*.md"))]


def test_paths_named_anywhere_in_the_docs_exist():
    # Inline code, code blocks (the README's layout) and links: every project path named.
    missing = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for path in re.findall(r"(?<![\w/.])((?:assets|briefing|docs|tests|scripts|share|bench)"
                               r"/[\w./-]*\w/?)", text):
            made = path.startswith("bench/results")  # written by the benchmark, git-ignored
            if not made and not (ROOT / path.rstrip("/")).exists():
                missing.append(f"{doc.name}: {path}")
        for link in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            if not (doc.parent / link).exists():
                missing.append(f"{doc.name}: link {link}")
    assert not missing, missing


def test_the_data_model_tables_are_the_contract():
    from briefing.contract import FRAMES

    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    documented: dict[str, list[str]] = {}
    for name, body in re.findall(r"^### `(\w+)`\n(.*?)(?=^#|\Z)", text, flags=re.S | re.M):
        documented[name] = re.findall(r"^\| `(\w+)` \|", body, flags=re.M)
    assert documented == {name: list(f.columns) for name, f in FRAMES.items()}
