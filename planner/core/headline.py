"""A diagnostic as a person would say it: a sentence that names items by their titles.

`planner check` prints a diagnostic's message as the rule words it (tests and the requirements
quote those sentences), and the message names items by id. The app leads with the headline
instead: the same finding, with the item's title, in words a person would use; the rule id and
the message stay in the detail for those who want them.
"""

from __future__ import annotations

from typing import Any

from planner.core.diagnostic import Diagnostic
from planner.core.model import Item, Plan

_EXAM_DEGREES = {
    "rhit-exam-needs-cahiim-associate": ("associate-hit", "rhit-early-testing", "associate degree"),
    "rhia-exam-needs-cahiim-bachelor": ("bachelor-hia", "rhia-early-testing", "bachelor's degree"),
}
"""An exam rule: the degree it needs, the rule of a pack that allows sitting the exam in the
degree's last term, and the degree in words."""

_REFERENCE_VERBS = {"after": "waits for", "renews": "renews"}
"""How an item's field that names something reads in a sentence."""


def title_of(item: Item | None, item_id: str | None = None, pack: Any = None) -> str:
    """An item in words: its title, else its milestone's name ("the RHIT exam"), else its id in
    quotes."""
    if item is not None and item.title and item.title.strip():
        return item.title.strip()
    milestones = getattr(pack, "milestones", {})
    if item is not None and item.requirement in milestones:
        name = milestones[item.requirement].name
        return f"the {name if name.split(' ', 1)[0].isupper() else name[:1].lower() + name[1:]}"
    if item is not None and item.id:
        return f'"{item.id}"'
    return f'"{item_id}"' if item_id else "this item"


def quoted(item: Item | None, item_id: str | None = None, pack: Any = None) -> str:
    """An item in words inside a sentence: its title in quotes, else as `title_of` says it."""
    if item is not None and item.title and item.title.strip():
        return f'"{item.title.strip()}"'
    return title_of(item, item_id, pack)


def _capital(words: str) -> str:
    """A milestone's name at the start of a sentence ("The RHIT exam"); a title stays as written."""
    return "The" + words[3:] if words.startswith("the ") else words


def item_index(plan: Plan) -> dict[str, Item]:
    """The plan's items by id (the first of each id, as `Plan.item` finds it), for `headline`."""
    index: dict[str, Item] = {}
    for item in plan.items:
        if isinstance(item.id, str):
            index.setdefault(item.id, item)
    return index


def headline(
    diagnostic: Diagnostic, plan: Plan, pack: Any = None, items: dict[str, Item] | None = None
) -> str:
    """The diagnostic in a sentence a person would say, naming its item by its title.

    `pack` is the rule pack the plan is checked against (for milestone names, and the wording of
    exams a pack lets you sit in the degree's last term). The rule's own message is kept where
    it already reads well: an item with a title of its own is named first. `items` is the
    plan's `item_index`, for a caller putting many diagnostics in words.
    """
    find = items.get if items is not None else plan.item
    message = diagnostic.message
    parameters = diagnostic.parameters
    item = find(diagnostic.item) if diagnostic.item else None
    subject = _capital(title_of(item, diagnostic.item, pack))
    rules = getattr(pack, "rules", {})
    rule = diagnostic.rule
    if rule == "after-not-respected" and "other" in parameters:
        other_id = parameters["other"]
        other = quoted(find(other_id) if isinstance(other_id, str) else None, str(other_id), pack)
        return (
            f"{subject} starts in {parameters.get('start')}, but it has to wait until {other} "
            f"is over, and that ends in {parameters.get('end')}."
        )
    if rule in _EXAM_DEGREES and item is not None and item.start is not None:
        degree_id, early_rule, degree_words = _EXAM_DEGREES[rule]
        degrees = [
            other
            for other in plan.items
            if other.requirement == degree_id
            and (other.accredited_by or "").upper() == "CAHIIM"
            and other.start is not None
        ]
        if degrees:
            degree = min(degrees, key=lambda other: other.end or other.start)  # type: ignore[arg-type,return-value]
            ends = degree.end or degree.start
            early = early_rule in rules
            when = "in its last term at the earliest" if early else "once it is finished"
            return (
                f"{subject} is in {item.start}, but {quoted(degree, None, pack)} only ends in {ends}: "
                f"the exam comes after the accredited {degree_words}, {when}."
            )
    if rule == "unknown-reference" and {"field", "value", "what"} <= parameters.keys():
        field, value, what = parameters["field"], parameters["value"], parameters["what"]
        field = str(field).removeprefix("profile.")
        verb = _REFERENCE_VERBS.get(str(field))
        if diagnostic.item is None:
            verb = "include" if field in ("credentials", "completed", "high_school_courses") else "is"
            sentence = f'The profile\'s {field} {verb} "{value}", which {what}'
        elif verb is not None:
            sentence = f'{subject} {verb} "{value}", which {what}'
        else:
            sentence = f'{subject}: its {field} is "{value}", which {what}'
        if diagnostic.suggestion:
            return f'{sentence}. Did you mean "{diagnostic.suggestion}"?'
        return f"{sentence}."
    if diagnostic.item is None:
        return message
    for opening in ("It ", "This job ", "This "):
        if message.startswith(opening) and (opening != "This " or message.startswith("This is your")):
            return f"{subject} {message[len(opening) :]}"
    if item is None or not (item.title and item.title.strip()):
        return message  # the message names the item already, as the rule words it
    return f"{subject}: {message[:1].lower() + message[1:] if _lower_ok(message) else message}"


def _lower_ok(message: str) -> bool:
    """True when the message's first word may start lower case after a colon ("The", "Most")."""
    first = message.split(" ", 1)[0]
    return first[:1].isupper() and first[1:].islower()
