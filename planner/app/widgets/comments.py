"""The Comments pane: what the advisor and the person said about the item under the timeline's cursor.

It sits under the timeline where there is room (from 110 columns, and at 80 columns on a tall
terminal); on a short narrow screen it is folded away and `C` opens every comment instead. The
newest comment comes first, so the one just added is always in view. Comments are the plan's
text: each goes through `printable` into a `Text`, never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widget import Widget

from planner.core.model import Comment, Item, Plan
from planner.core.text import printable

COMMENT_MARK = "✎"
"""The glyph the timeline shows beside an item that has comments."""


def comment_heading(comment: Comment) -> Text:
    """ "J. Kim, advisor · 2026-12-02": the author in bold, then the date."""
    text = Text()
    text.append(printable(comment.author or "(no author)", one_line=True), style="bold")
    if comment.date is not None:
        text.append(f" · {comment.date.isoformat()}")
    return text


def comment_body(comment: Comment) -> Text:
    """The comment's text, its lines kept, control characters made visible."""
    return Text(printable(comment.text or "(no text)"))


def comments_by_item(plan: Plan) -> dict[str | None, list[Comment]]:
    """The plan's comments by the id of the item they are on (None: on the whole plan), in file order."""
    found: dict[str | None, list[Comment]] = {}
    for comment in plan.comments:
        key = comment.item if isinstance(comment.item, str) else None
        found.setdefault(key, []).append(comment)
    return found


class CommentsPane(Widget):
    """The comments on the selected item, newest first; drawn, never focused (keys: c adds, C lists all)."""

    BORDER_TITLE = "Comments"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.by_item: dict[str | None, list[Comment]] = {}
        self.total = 0
        self.item_id: str | None = None
        self._shown: tuple = ()

    def show_plan(self, plan: Plan, item: Item | None) -> None:
        """Take the plan's comments, and show those on `item`."""
        self.by_item = comments_by_item(plan)
        self.total = len(plan.comments)
        self.show_item(item)

    def show_item(self, item: Item | None) -> None:
        """Show the comments on `item` (the one under the timeline's cursor); redraws only on a change."""
        self.item_id = item.id if item is not None else None
        comments = self.by_item.get(self.item_id, []) if self.item_id else []
        state = (self.item_id, tuple(id(comment) for comment in comments), self.total)
        if state == self._shown:
            return
        self._shown = state
        name = printable(self.item_id, one_line=True) if self.item_id else None
        title = f"Comments on {name}" if name else "Comments"
        if comments:
            title += f" ({len(comments)})"
        self.border_title = Content(title)
        plan_wide = len(self.by_item.get(None, []))
        subtitle = "c add"
        if self.total:
            subtitle += f" · C all {self.total}" + (f" ({plan_wide} on the plan)" if plan_wide else "")
        self.border_subtitle = Content(subtitle)
        self.refresh()

    def render(self) -> Text:
        comments = self.by_item.get(self.item_id, []) if self.item_id else []
        if not comments:
            if self.item_id is None:
                return Text("No item is selected.", style="italic")
            name = printable(self.item_id, one_line=True)
            return Text(f"No comments on {name}; c adds one.", style="italic")
        text = Text()
        for comment in reversed(comments):
            if text:
                text.append("\n\n")
            text.append_text(comment_heading(comment))
            text.append("\n")
            text.append_text(comment_body(comment))
        return text
