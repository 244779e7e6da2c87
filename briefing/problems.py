"""What is wrong with the input: one `Problem` per finding, `FactError` for all of them.
Plain Python, so that code which only finds files can report them too."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FactError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    fact_id: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.fact_id or '-'}: {self.field or '-'}: {self.message}"


class FactError(ValueError):
    """Raised by `load` with every problem found, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the fact base:"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))
