"""The profile editor: where the person stands and where they want to go, and the plan's title."""

from __future__ import annotations

from planner.app.screens.form import FieldValues, FormScreen
from planner.app.widgets.fields import ChoiceField, FormField, ManyField, NumberField, TermField, TextField
from planner.core.catalog import Pack
from planner.core.edits import TITLE
from planner.core.model import Plan

NONE_WORDS = {"education": "none: no diploma", "role": "none: no job in the field"}
"""The value "none" of education and role, in words."""


def profile_fields(plan: Plan, pack: Pack, with_title: bool = True) -> list[FormField]:
    """The profile's fields, each with the choices of the pack's catalog."""
    cat = pack
    profile = plan.profile
    get = profile.get
    goals = [(goal.id, goal.name) for goal in cat.goals.values()]
    # Education and role have a value "none" (no diploma, no job): it is offered in those words,
    # so that it is not confused with the empty choice "(none)", the field left out of the file.
    jobs = [("none", NONE_WORDS["role"])] + [(job, cat.name_of(job)) for job in cat.jobs]
    credentials = [(c, cat.name_of(c)) for c in cat.credentials]
    milestones = [(m.id, m.name) for m in cat.milestones.values()]
    fields: list[FormField] = []
    if with_title:
        fields.append(TextField(TITLE, "Plan title", plan.title, "What the plan is called."))
    fields += [
        ChoiceField("goal", "Goal", get("goal"), goals, "Where you want to go.", allow_blank=False),
        TextField("name", "Name", get("name")),
        ChoiceField(
            "education",
            "Education",
            get("education"),
            [(e, NONE_WORDS["education"] if e == "none" else e.replace("-", " ")) for e in cat.educations],
        ),
        ManyField(
            "high_school_courses",
            "High school",
            get("high_school_courses"),
            [(s, s) for s in cat.high_school_subjects],
            "Courses taken in high school.",
        ),
        ManyField("credentials", "Holds", get("credentials"), credentials, "Credentials you hold now."),
        ManyField("completed", "Completed", get("completed"), milestones, "Done before the plan starts."),
        ChoiceField("role", "Role", get("role"), jobs, "Your job in health information now."),
        NumberField(
            "healthcare_experience_years",
            "Years in care",
            get("healthcare_experience_years"),
            "Years of health-care experience.",
            low=0,
            high=cat.parameters["max_experience_years"],
        ),
        TermField("starts", "Starts", get("starts"), "The plan's first term, e.g. 2027-fall.", required=True),
    ]
    return fields


def profile_field(plan: Plan, name: str, pack: Pack) -> FormField:
    """The field that edits one profile field (by its name in the file), as the dialog has it."""
    for field in profile_fields(plan, pack, with_title=False):
        if field.field_name == name:
            return field
    raise KeyError(name)


class ProfileEditorScreen(FormScreen[FieldValues]):
    """Edit the profile and the title; dismisses with the values or None."""

    def result(self, values: FieldValues) -> FieldValues:
        return values

    heading = "Edit the profile"
    accept_label = "Save profile"

    def __init__(self, plan: Plan, pack: Pack) -> None:
        super().__init__()
        self.plan = plan
        self.pack = pack
        """The rules whose choices the fields offer."""

    def fields(self) -> list[FormField]:
        return profile_fields(self.plan, self.pack)
