"""The diagnostic: one finding about a plan, in plain words, citing its source; and counting them."""

from __future__ import annotations

from typing import Any

SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}

Finding = tuple[str, str | None, dict[str, Any]]
"""What a rule finds before it is put in words: (rule id, item id, message parameters)."""


class Diagnostic:
    """One finding about a plan: which rule, on which item, in plain words, citing the seed."""

    __slots__ = (
        "severity",
        "rule",
        "item",
        "message",
        "source",
        "waived",
        "parameters",
        "line",
        "suggestion",
    )

    def __init__(
        self,
        severity: str,
        rule: str,
        item: str | None,
        message: str,
        source: str | None,
        parameters: dict[str, Any] | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.severity = severity
        """"error", "warning" or "suggestion"."""
        self.rule = rule
        self.item = item
        """The id of the item it attaches to, or None for the profile and the plan."""
        self.message = message
        self.source = source
        """The seed paragraph(s), such as "P5"; None for plan-structure and sharing rules."""
        self.waived: Any = None
        """The Waiver that silences it, or None."""
        self.parameters: dict[str, Any] = parameters or {}
        """What the rule found, as its message's placeholders take it (field, value, start, ...);
        fixes read it to know what to change."""
        self.line: int | None = None
        """The 1-based line of the file it points at, once `planner.core.lines.place` has run."""
        self.suggestion = suggestion
        """For an unknown reference close to a known id: that id (the message says "did you mean")."""

    def to_json(self) -> dict[str, Any]:
        """The diagnostic as `check --format json` prints it."""
        data: dict[str, Any] = {
            "severity": self.severity,
            "rule": self.rule,
            "item": self.item,
            "message": self.message,
            "source": self.source,
            "line": self.line,
        }
        if self.waived is not None:
            waiver = self.waived
            data["waived"] = {
                "by": waiver.by,
                "date": waiver.date.isoformat() if waiver.date else None,
                "reason": waiver.reason,
            }
        return data

    def __repr__(self) -> str:
        return f"Diagnostic({self.severity} {self.rule} [{self.item}]: {self.message})"


def counts(diagnostics: list[Diagnostic]) -> dict[str, int]:
    """How many diagnostics of each severity are not waived."""
    result = {"error": 0, "warning": 0, "suggestion": 0}
    for diagnostic in diagnostics:
        if diagnostic.waived is None:
            result[diagnostic.severity] += 1
    return result


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    """True when some error is not waived."""
    return any(d.severity == "error" and d.waived is None for d in diagnostics)
