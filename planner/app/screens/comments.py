"""Comments (C): every comment of the plan, grouped by what it is about; Enter goes to its item.

The groups come in the timeline's order: the whole plan first, then each item by its start
term, then comments on ids the plan no longer has. Within a group, comments keep the file's
(chronological) order. c adds a comment about the highlighted one's item; d deletes the
highlighted comment and u undoes it (the same undo as the plan's). Every name and text is the
plan's data: printable, in `Text`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from planner.app.actions import bindings, keys_said
from planner.app.widgets.comments import comment_body, comment_heading, comments_by_item
from planner.core import edits
from planner.core.catalog import Pack
from planner.core.model import Comment, Plan
from planner.core.text import printable

if TYPE_CHECKING:
    from planner.app.app import PlannerApp

PLAN_WIDE = ""
"""What the screen dismisses with for a comment on the whole plan (None is Escape)."""


def item_order(plan: Plan) -> list[str]:
    """The plan's item ids in the timeline's order (by start term, then place in the file), once each."""
    never = 10**9
    placed = sorted(
        enumerate(plan.items), key=lambda entry: (entry[1].start.index if entry[1].start else never, entry[0])
    )
    seen: dict[str, None] = {}
    for _position, item in placed:
        if isinstance(item.id, str):
            seen.setdefault(item.id)
    return list(seen)


def group_heading(plan: Plan, item_id: str | None, pack: Pack) -> Text:
    """ "On the whole plan", "rhit-exam: RHIT exam, 2029-spring", or "gone: not in the plan"."""
    if item_id is None:
        return Text("On the whole plan", style="bold")
    text = Text()
    text.append(printable(item_id, one_line=True), style="bold")
    item = plan.item(item_id)
    if item is None:
        text.append(": not an item of the plan", style="italic")
        return text
    name = item.title or pack.name_of(item.requirement or "")
    if name:
        text.append(f": {printable(name, one_line=True)}")
    if item.start is not None:
        text.append(f", {item.start}" + (f" to {item.end}" if item.end and item.end != item.start else ""))
    return text


class CommentsScreen(Screen[str | None]):
    """All comments; dismisses with the id of the item to go to, PLAN_WIDE, or None (Escape)."""

    BINDINGS = bindings("comments")

    def __init__(self, item_id: str | None) -> None:
        super().__init__()
        self.item_id = item_id
        """The item whose comments are highlighted first (the timeline's selected item)."""
        self.about: list[str | None] = []
        """For each option, the item id its comment is on (None: on the whole plan)."""
        self.comments: list[Comment | None] = []
        """For each option, its comment (None: a group's heading)."""

    @property
    def planner(self) -> PlannerApp:
        """The app, which runs the plan's session."""
        return self.app  # type: ignore[return-value]

    @property
    def plan(self) -> Plan:
        """The plan being edited (it changes in place, so the list can be filled again after an edit)."""
        return self.planner.plan

    def compose(self) -> ComposeResult:
        yield Static(id="comments-heading", markup=False)
        yield OptionList(id="comment-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_comments()
        self.query_one(OptionList).focus()

    def show_comments(self, at: int | None = None) -> None:
        """Fill the list from the plan, highlighting the first comment about `item_id` (or the
        option at `at`, where a deleted comment was)."""
        plan = self.plan
        groups = comments_by_item(plan)
        order: list[str | None] = [None, *item_order(plan)]
        order += [key for key in groups if key not in order]
        options: list[Option | None] = []
        self.about = []
        self.comments = []
        highlight = None
        for key in order:
            comments = groups.get(key)
            if not comments:
                continue
            if options:
                options.append(None)  # a separator: not an option, so `about` takes no entry
            options.append(Option(group_heading(plan, key, self.planner.pack), disabled=True))
            self.about.append(key)
            self.comments.append(None)
            for comment in comments:
                if highlight is None and key == self.item_id:
                    highlight = len(self.about)
                options.append(Option(self.comment_prompt(comment)))
                self.about.append(key)
                self.comments.append(comment)
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        count = len(plan.comments)
        heading = Text(" Comments ", style="bold reverse")
        heading.append(f"  {count} comment{'' if count == 1 else 's'} on this plan")
        if not count:
            heading.append(keys_said(self.app, ": {comments.add} adds one"))
        self.query_one("#comments-heading", Static).update(heading)
        if at is not None:
            enabled = [n for n, option in enumerate(listing.options) if not option.disabled]
            highlight = next((n for n in enabled if n >= at), enabled[-1] if enabled else None)
        if highlight is None:
            highlight = next((n for n, option in enumerate(listing.options) if not option.disabled), None)
        if highlight is not None:
            listing.highlighted = highlight

    @staticmethod
    def comment_prompt(comment: Comment) -> Group:
        """A comment as an option: who and when, then the text, indented (wrapped lines too)."""
        return Group(
            Padding(comment_heading(comment), (0, 0, 0, 2)), Padding(comment_body(comment), (0, 0, 0, 4))
        )

    @property
    def highlighted_item(self) -> str | None:
        """The item id of the highlighted comment (None: the whole plan, or nothing highlighted)."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.about):
            return None
        return self.about[index]

    def action_go(self) -> None:
        """Close, putting the timeline's cursor on the highlighted comment's item."""
        if self.query_one(OptionList).highlighted is None:
            return
        item = self.highlighted_item
        self.dismiss(PLAN_WIDE if item is None else item)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_go()

    def action_add_comment(self) -> None:
        """Add a comment about the highlighted comment's item; the list shows it at once."""
        from planner.app.screens.main import MainScreen

        main = next(screen for screen in self.app.screen_stack if isinstance(screen, MainScreen))
        self.item_id = self.highlighted_item
        main.ask_comment(self.item_id, then=self.show_comments)

    def action_delete_comment(self) -> None:
        """Delete the highlighted comment; u (here or on the plan) brings it back."""
        index = self.query_one(OptionList).highlighted
        comment = self.comments[index] if index is not None and 0 <= index < len(self.comments) else None
        if index is None or comment is None:
            self.notify("No comment is highlighted.", timeout=3)
            return
        if self.planner.try_edit(edits.delete_comment, comment):
            who = f" by {comment.author}" if isinstance(comment.author, str) and comment.author else ""
            self.notify(f"Deleted the comment{who}; u undoes it.", timeout=4)  # notify makes it printable
            self.show_comments(at=index)

    def action_undo(self) -> None:
        """Undo the last edit of the plan (a deleted comment comes back), and show the list again."""
        edit = self.planner.history.next_undo
        if edit is None:
            self.notify("Nothing to undo.", timeout=3)
            return
        self.planner.undo()
        self.notify(f"Undone: {edit.description}.", timeout=3)
        self.show_comments()
