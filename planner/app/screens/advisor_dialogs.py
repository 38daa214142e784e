"""The advisor's dialogs: add a comment, waive a diagnostic, sign the plan.

Each is a short form that dismisses with its values (or None); the main screen turns them into
the core's undoable edits (`edits.add_comment`, `add_waiver`, `sign`). Everything shown from the
plan (item titles, the diagnostic's message, names) goes through `printable` into plain text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from textual.suggester import SuggestFromList

from planner.app.screens.form import FormScreen
from planner.app.widgets.fields import ChoiceField, FormField, NotesField, TextField, shown
from planner.core.catalog import Pack
from planner.core.model import Plan
from planner.core.validate import Diagnostic


@dataclass(frozen=True)
class CommentAnswer:
    """What the comment dialog was told: who says it, about which item (None: the whole plan), what."""

    author: str
    item: str | None
    text: str


@dataclass(frozen=True)
class WaiverAnswer:
    """Who grants the exception, and why."""

    by: str
    reason: str


@dataclass(frozen=True)
class SignAnswer:
    """Who approves."""

    by: str


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


ITEM_CHOICES_LIMIT = 500
"""Up to this many items the comment dialog offers a list; beyond it, an id typed with completion."""


class RequiredNotesField(NotesField):
    """Text over several lines that must not be empty."""

    def problem(self) -> str | None:
        if not self.widget.text.strip():
            return f"{self.label} is needed."
        return None

    def value(self) -> Any:
        return self.widget.text.strip("\n")


class ItemIdField(TextField):
    """An item's id, typed (with completion from the plan's ids); empty for the whole plan."""

    def __init__(self, name: str, label: str, original: Any, known: list[str], hint: str = "") -> None:
        self.known = set(known)
        super().__init__(
            name,
            label,
            original,
            hint,
            suggester=SuggestFromList(known, case_sensitive=True),
            placeholder="empty: the whole plan",
        )

    def value(self) -> Any:
        return self.text or None

    def problem(self) -> str | None:
        if self.text and self.text not in self.known:
            return f'The plan has no item "{shown(self.text)}".'
        return None


class AddCommentScreen(FormScreen[CommentAnswer]):
    """Who says it, what it is about (an item, or the whole plan) and the text; dismisses with a
    CommentAnswer or None."""

    heading = "Add a comment"
    accept_label = "Add comment"
    dialog_classes = "dialog short-form"
    keys_help = "Tab moves between fields, {form.accept} adds the comment, {form.cancel} cancels."

    def __init__(self, plan: Plan, pack: Pack, item_id: str | None, author: str, date: datetime.date) -> None:
        super().__init__()
        self.plan = plan
        self.pack = pack
        """The rules that name the items' milestones."""
        self.item_id = item_id
        self.author = author
        self.intro = f"A remark for the conversation about this plan, dated {date.isoformat()}."

    def fields(self) -> list[FormField]:
        cat = self.pack
        ids: list[str] = []
        labels: dict[str, str] = {}
        for item in self.plan.items:
            if isinstance(item.id, str) and item.id not in labels:
                ids.append(item.id)
                name = item.title or cat.name_of(item.requirement or "") or ""
                labels[item.id] = f"{shown(item.id)}: {shown(name)}" if name else shown(item.id)
        hint = "What the comment is about."
        about: FormField
        if len(ids) <= ITEM_CHOICES_LIMIT:
            about = ChoiceField(
                "item", "About", self.item_id, [(i, labels[i]) for i in ids], hint, blank="(the whole plan)"
            )
        else:
            about = ItemIdField("item", "About", self.item_id, ids, hint + " An item's id, or empty.")
        return [
            TextField(
                "author", "Author", self.author or None, "Your name, as it should read.", required=True
            ),
            about,
            RequiredNotesField("text", "Comment", None, "Several lines if you like."),
        ]

    def result(self, values: dict[str, Any]) -> CommentAnswer:
        item = values["item"]
        author = values["author"] if isinstance(values["author"], str) else ""
        return CommentAnswer(author, item if isinstance(item, str) else None, values["text"] or "")

    def on_mount(self) -> None:
        # With the author known, the text is what is left to write.
        if self.author:
            self.query_one("#field-text").focus()


class WaiveScreen(FormScreen[WaiverAnswer]):
    """Who grants the exception and why; dismisses with a WaiverAnswer or None."""

    heading = "Waive a diagnostic"
    accept_label = "Waive"
    dialog_classes = "dialog short-form"
    keys_help = "Tab moves between fields, Enter or {form.accept} waives, {form.cancel} cancels."

    def __init__(self, diagnostic: Diagnostic, by: str, date: datetime.date) -> None:
        super().__init__()
        self.diagnostic = diagnostic
        self.by = by
        where = shown(diagnostic.item) if diagnostic.item is not None else "the plan"
        self.intro = (
            f"{diagnostic.severity} {diagnostic.rule} on {where}: {shown(diagnostic.message)}\n\n"
            f"A waiver, dated {date.isoformat()}, is an advisor's exception: the diagnostic stays in "
            "the list, marked as waived, and no longer counts. A waiver is part of the plan's "
            "content, so it voids earlier approvals."
        )

    def fields(self) -> list[FormField]:
        return [
            TextField("by", "Waived by", self.by or None, "Your name, as it should read.", required=True),
            TextField("reason", "Reason", None, "Why the exception holds.", required=True),
        ]

    def result(self, values: dict[str, Any]) -> WaiverAnswer:
        return WaiverAnswer(_text(values["by"]), values["reason"] or "")

    def on_mount(self) -> None:
        if self.by:
            self.query_one("#field-reason").focus()


class SignScreen(FormScreen[SignAnswer]):
    """Who approves; dismisses with a SignAnswer or None."""

    heading = "Sign the plan"
    accept_label = "Sign"
    dialog_classes = "dialog short-form"
    keys_help = "Enter or {form.accept} signs, {form.cancel} cancels."

    def __init__(self, by: str, date: datetime.date, errors: int) -> None:
        super().__init__()
        self.by = by
        intro = (
            f"Record your approval of the plan as it is now, dated {date.isoformat()}. It holds "
            "until the plan's content changes (comments aside); then the planner says it is out "
            "of date, and signing again renews it."
        )
        if errors:
            self.note = (
                f"Note: the plan holds {errors} error{'' if errors == 1 else 's'} that no waiver covers."
            )
        self.intro = intro

    def fields(self) -> list[FormField]:
        return [
            TextField("by", "Approved by", self.by or None, "Your name, as it should read.", required=True)
        ]

    def result(self, values: dict[str, Any]) -> SignAnswer:
        return SignAnswer(_text(values["by"]))
