"""The package's layers import one way, and no story lives in the code.

    contract, model, codebooks, text, cache, escape        (the value and its contract)
    → schema, load                                          (YAML → validated frames)
    → select, words, describe, places, channels             (data work, no plotly)
    → charts (theme, then one module per chart)             (frames → go.Figure)
    → widgets → dashboard → serve/server, CLI               (the page and its server)

Every import counts, function-local ones too: a local import that hides a cycle is a
back-edge like any other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "briefing"

# Layer of each module (by dotted name prefix; the longest prefix wins).
LAYERS = {
    "briefing.contract": 0, "briefing.model": 0, "briefing.codebooks": 0,
    "briefing.problems": 0, "briefing.folders": 0, "briefing.selection": 2,
    "briefing.text": 0, "briefing.cache": 0, "briefing.escape": 0,
    "briefing.schema": 1, "briefing.load": 1,
    "briefing.select": 2, "briefing.marks": 2, "briefing.network_layout": 2,
    "briefing.words": 2, "briefing.describe": 2,
    "briefing.places": 2, "briefing.channels": 2, "briefing.draft": 2,
    "briefing.draft.cli": 7,   # a command: it saves into an analyst's file as the workbench does
    "briefing.charts.theme": 3, "briefing.charts": 4,
    "briefing.widgets": 5, "briefing.workbench": 6, "briefing.dashboard": 6,
    "briefing.printout": 5, "briefing.serve": 8, "briefing.kernel_websocket": 8,
    "briefing.__main__": 9, "briefing": 9,
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports: `from a import b` is module `a.b` when that is
    a module, else `a`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for a in node.names:
                out.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return {m for m in out if m in modules}


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(modules)) - {name} for name, path in modules.items()}


def test_every_module_has_a_layer():
    for name in _graph():
        assert _layer(name) is not None, name


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for name, deps in _graph().items():
        if name in ("briefing", "briefing.__main__"):
            continue  # the public face and the CLI may reach anything (lazily)
        for dep in deps:
            # A package's __init__ may re-export its own modules.
            if dep.startswith(name + "."):
                continue
            if _layer(dep) > _layer(name):
                upward.append(f"{name} (layer {_layer(name)}) → {dep} (layer {_layer(dep)})")
    assert not upward, upward


def test_charts_never_import_each_other():
    bad = [f"{name} → {dep}" for name, deps in _graph().items()
           if name.startswith("briefing.charts.") and name != "briefing.charts.theme"
           for dep in deps if dep.startswith("briefing.charts.") and dep != "briefing.charts.theme"]
    assert not bad, bad


def test_there_is_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(n: str, stack: list[str]) -> None:
        state[n] = 1
        for m in graph[n]:
            # A package importing its own submodules is not a cycle (`__init__` re-exports).
            if m.startswith(n + "."):
                continue
            if state.get(m) == 1:
                cycles.append(" → ".join([*stack[stack.index(m):], m]))
            elif m not in state:
                visit(m, [*stack, m])
        state[n] = 2

    for n in graph:
        if n not in state:
            visit(n, [n])
    assert not cycles, cycles


def test_no_module_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long


def _story_words() -> set[str]:
    """Names that belong to the facts: actors, blocs, countries and articles of every
    fact base shipped or used in tests."""
    words: set[str] = set()
    for facts in [*ROOT.glob("assets/articles/*/facts.yaml"),
                  *ROOT.glob("tests/data/articles/*/facts.yaml"),
                  *ROOT.glob("tests/data/fixtures/**/*.yaml")]:
        doc = yaml.safe_load(facts.read_text(encoding="utf-8"))
        for actor in doc.get("actors") or []:
            words.add(actor["id"])
            words |= {w for w in re.findall(r"[A-Z][a-z]{3,}", actor["name"])}
            if actor.get("bloc"):
                words.add(actor["bloc"])
        art = doc.get("article") or {}
        if art.get("id"):
            words.add(art["id"])
    # Words that also name ordinary things.
    return {w for w in words if len(w) >= 4} - {"Council", "Security", "United", "States",
                                                "Nations", "Minister", "Foreign", "Supreme",
                                                "Leader", "Nuclear", "Power", "Plant",
                                                "Sites", "Agency", "Atomic", "Energy",
                                                "International", "Kingdom", "Republic",
                                                "Islamic", "Ministry", "Affairs", "other"}


def test_no_story_names_in_the_code():
    words = _story_words()
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, words), key=len,
                                                          reverse=True)) + r")(?![\w-])")
    found = []
    for path in PACKAGE.rglob("*.py"):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in pattern.finditer(line):
                found.append(f"{path.relative_to(ROOT)}:{i}: {m.group(1)}")
    assert not found, found


def test_adding_a_column_is_one_line_in_the_contract(tmp_path):
    """Copy the package, add one `Col` to the contract, and load an article that uses the
    new YAML key: the parser accepts and reads it, the frame carries it with its dtype,
    and the pandera schema checks it; the workbench's event form has it after the
    summary, and an edit of it is saved there, in contract order — nothing else was
    edited."""
    import shutil
    import subprocess
    import sys

    shutil.copytree(PACKAGE, tmp_path / "briefing",
                    ignore=shutil.ignore_patterns("__pycache__"))
    contract = tmp_path / "briefing" / "contract.py"
    text = contract.read_text(encoding="utf-8")
    anchor = '        Col("summary", key="summary", required=True, nonempty=True, input="long"),\n'
    assert anchor in text
    contract.write_text(text.replace(anchor, anchor + '        Col("venue", key="venue", '
                                     'pattern=r"^[a-z ]*$"),\n'), encoding="utf-8")
    article = tmp_path / "art"
    shutil.copytree(ROOT / "tests" / "data" / "articles" / "tiny-valid", article)
    facts = article / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "    summary: Alba's minister visits Borea to ask for help\n",
        "    summary: Alba's minister visits Borea to ask for help\n    venue: the capital\n"),
        encoding="utf-8")
    script = (
        "import sys, briefing\n"
        "from briefing.schema import MODELS\n"
        "b = briefing.load(sys.argv[1], cache=False)\n"
        "ev = b.events.set_index('event_id')\n"
        "assert ev.loc['ev-tiny-visit', 'venue'] == 'the capital', ev['venue']\n"
        "assert ev.loc['ev-tiny-pact', 'venue'] == ''\n"
        "assert 'venue' in MODELS['events'].columns\n"
        "from briefing.workbench.pickers import forms_payload\n"
        "from briefing.workbench.widget import Workbench\n"
        "form = [f['key'] for f in forms_payload()['event']]\n"
        "assert form.index('venue') == form.index('summary') + 1, form\n"
        "wb = Workbench(sys.argv[1] + '/article.txt', base=sys.argv[1])\n"
        "wb.act('edit', sid='event:ev-tiny-pact', fields={'venue': 'the coast'})\n"
        "assert wb.save(), wb.message\n"
        "lines = open(sys.argv[1] + '/facts.yaml').read().splitlines()\n"
        "at = lines.index('    summary: Alba and Borea signed a trade pact')\n"
        "assert lines[at + 1] == '    venue: the coast', lines[at - 8:at + 3]\n"
        "ev = briefing.load(sys.argv[1], cache=False).events.set_index('event_id')\n"
        "assert ev.loc['ev-tiny-pact', 'venue'] == 'the coast'\n"
        "bad = open(sys.argv[1] + '/facts.yaml').read().replace('the capital', 'The Capital!')\n"
        "open(sys.argv[1] + '/facts.yaml', 'w').write(bad)\n"
        "try:\n"
        "    briefing.load(sys.argv[1], cache=False)\n"
        "except briefing.FactError as e:\n"
        "    [p] = e.problems\n"
        "    assert (p.fact_id, p.field, p.line) == ('ev-tiny-visit', 'venue', 42), p\n"
        "else:\n"
        "    raise SystemExit('a venue breaking its pattern was not reported')\n"
        "print('ok', list(b.events.columns).index('venue'))\n")
    env = {"PYTHONPATH": str(tmp_path), "BRIEFING_ASSETS": str(ROOT / "assets"),
           "BRIEFING_CACHE": "off", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-c", script, str(article)], capture_output=True,
                       text=True, env=env, timeout=120, cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("ok"), r.stderr[-2000:]
