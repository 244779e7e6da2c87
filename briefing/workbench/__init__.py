"""The review workbench: a machine draft of an article → reviewed, valid facts.yaml.

Modules by role: `document` (the facts document's rules, read off the contract),
`offsets` (selections and quotes against the exact text), `review` (the state, decisions
and undo), `store` (text checks, facts.yaml, atomic autosave), `roundtrip` (saving into
an existing facts.yaml with the smallest change), `check` (the loader's problems, live),
`pickers` (the forms and codebooks for the browser), `widget` (the anywidget and
`workbench()`).
"""

from briefing.workbench.widget import Workbench, workbench

__all__ = ["Workbench", "workbench"]
