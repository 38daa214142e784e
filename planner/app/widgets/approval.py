"""The approval state in a few words: "approved by J. Kim 2026-12-03", "approval out of date: ...".

Shown under the Diagnostics pane at every size (nothing when the plan has no approval) and on
the compare screen. Names are the plan's text: made printable and kept out of markup.
"""

from __future__ import annotations

from textual.content import Content

from planner.core.model import Approval
from planner.core.outcome import ApprovalState
from planner.core.text import printable


def who(approval: Approval) -> str:
    """ "J. Kim, advisor 2026-12-03" (the name made printable)."""
    name = printable(approval.by or "someone", one_line=True)
    return f"{name} {approval.date.isoformat()}" if approval.date else name


def approval_words(state: ApprovalState) -> str:
    """The state as plain words; "" when there is no approval."""
    parts = []
    if state.outdated:
        parts.append("approval out of date: " + ", ".join(who(a) for a in state.outdated))
    if state.current:
        parts.append("approved by " + ", ".join(who(a) for a in state.current))
    return "; ".join(parts)


def approval_content(state: ApprovalState) -> Content:
    """The state for a border: out of date in the warning colour (and bold, for no colour)."""
    words = approval_words(state)
    if state.outdated:
        return Content.assemble((words, "bold $text-warning"))
    return Content(words)
