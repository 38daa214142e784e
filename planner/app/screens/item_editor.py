"""The item editor: every field of a timeline item, with the catalog's choices where ids go."""

from __future__ import annotations

from textual.widgets import Input

from planner.app.screens.form import FieldValues, FormScreen
from planner.app.widgets.dropdown import Dropdown
from planner.app.widgets.fields import (
    ChoiceField,
    FormField,
    IdsField,
    ManyField,
    NotesField,
    TermField,
    TextField,
)
from planner.core.catalog import Pack
from planner.core.model import Item, Plan
from planner.core.text import printable

RENEWS_CHOICES_LIMIT = 200
"""At most this many of the plan's credential items are offered for `renews`."""

KIND_FIELDS = {
    "area": {"course"},
    "accredited_by": {"degree", "certificate-program"},
    "field": {"degree", "certificate-program"},
    "covers": {"degree", "certificate-program"},
    "facility": {"job"},
    "track": {"training"},
    "issuer": {"credential", "exam"},
    "renews": {"ceu"},
}
"""The fields only some kinds of milestone use, and those kinds. The dialog opens with the
fields of the item's kind (and every field the item holds a value in); choosing another
milestone adds that kind's fields. Fewer fields, so the dialog opens faster."""


class ItemEditorScreen(FormScreen[FieldValues]):
    """Edit one item (or a new one); dismisses with the fields' values or None."""

    def result(self, values: FieldValues) -> FieldValues:
        return values

    accept_label = "Save item"

    def __init__(self, plan: Plan, item: Item, pack: Pack, new: bool = False) -> None:
        super().__init__()
        self.plan = plan
        self.pack = pack
        """The rules whose milestones and areas the fields offer."""
        self.item = item
        self.new = new
        name = printable(item.id or "the item", one_line=True)
        self.heading = "Add an item" if new else f"Edit {name}"
        self.intro = "The fields of this kind of item; choosing another milestone adds that kind's fields."
        self.proposed_id = item.id if new else None
        """The id proposed for a new item: it follows the milestone chosen until the person writes one."""

    def _kind(self, requirement: object) -> str | None:
        milestone = self.pack.milestones.get(requirement) if isinstance(requirement, str) else None
        return milestone.kind if milestone is not None else None

    def composes(self, field: FormField) -> bool:
        kinds = KIND_FIELDS.get(field.field_name)
        if kinds is None or field.original is not None:
            return True
        kind = self._kind(self.item.requirement)
        return kind is None or kind in kinds  # an unknown milestone: every field, as before

    def on_dropdown_changed(self, event: Dropdown.Changed) -> None:
        if event.dropdown.id != "field-requirement":
            return
        id_input = self.query_one("#field-id", Input)
        if (
            self.proposed_id is not None
            and isinstance(event.value, str)
            and id_input.value == self.proposed_id
        ):
            self.proposed_id = self.plan.new_item_id(event.value)
            id_input.value = self.proposed_id
        kind = self._kind(event.value)
        self.add_fields(
            [
                field
                for field in self._fields
                if not field.shown_in_form
                and (kind is None or kind in KIND_FIELDS.get(field.field_name, {kind}))
            ]
        )

    def fields(self) -> list[FormField]:
        cat = self.pack
        item = self.item
        get = item.get
        milestones = [(m.id, f"{m.name} ({m.kind})") for m in cat.milestones.values()]
        areas = [(area, area) for area in (*cat.coursework_areas, cat.general_education)]
        areas += [
            (s, f"{s} (high school)") for s in cat.high_school_subjects if s not in cat.coursework_areas
        ]
        credential_items = [
            other.id
            for other in self.plan.items
            if other.id
            and cat.milestones.get(other.requirement or "") is not None
            and cat.milestones[other.requirement].kind == "credential"  # type: ignore[index]
        ][:RENEWS_CHOICES_LIMIT]
        renews = [(c, f"{cat.name_of(c)} (any)") for c in cat.credentials]
        renews += [(i, f"item {i}") for i in credential_items if i not in cat.credentials]
        ids = [other.id for other in self.plan.items if other.id and other is not item]
        return [
            TextField("id", "Id", get("id"), "Unique in the plan: a-z, 0-9 and -.", required=True),
            ChoiceField("requirement", "Milestone", get("requirement"), milestones, allow_blank=False),
            TextField("title", "Title", get("title"), "In your own words, e.g. the school's name."),
            TermField("start", "Start", get("start"), "The first term, e.g. 2027-fall.", required=True),
            TermField("end", "End", get("end"), "The last term; empty for one term (or a job that runs on)."),
            ChoiceField("status", "Status", get("status"), [(s, s) for s in cat.statuses]),
            ChoiceField("area", "Area", get("area"), areas, "Courses: the coursework area or subject."),
            TextField(
                "accredited_by", "Accredited by", get("accredited_by"), "Degrees and programs: e.g. CAHIIM."
            ),
            TextField("field", "Field", get("field"), "Degrees: the field of study."),
            ManyField(
                "covers", "Covers", get("covers"), areas[: len(cat.coursework_areas) + 1], "Degrees: areas."
            ),
            ChoiceField("facility", "Facility", get("facility"), [(f, f) for f in cat.facilities], "Jobs."),
            ChoiceField("track", "Track", get("track"), [(t, t) for t in cat.tracks], "Intensive training."),
            TextField("issuer", "Issuer", get("issuer"), "Credentials: who issues it, e.g. AAPC."),
            ChoiceField("renews", "Renews", get("renews"), renews, "Continuing education: what it renews."),
            IdsField(
                "after", "Waits for", get("after"), ids, "Ids of items that must end before this starts."
            ),
            NotesField("notes", "Notes", get("notes")),
        ]
