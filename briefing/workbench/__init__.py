"""The review workbench: a machine draft of an article → reviewed, valid facts.yaml.

Modules by role: `offsets` (selections and quotes against the exact text), `review` (the
state, decisions and undo), `store` (text checks, facts.yaml, atomic autosave), `check`
(the loader's problems, live), `pickers` (codebooks for the browser), `widget` (the
anywidget and `workbench()`).
"""

from briefing.workbench.widget import Workbench, workbench

__all__ = ["Workbench", "workbench"]
