"""The Profile pane: where the person stands, in a few lines (or one, when the screen is narrow)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from planner.core.catalog import catalog
from planner.core.model import Plan
from planner.core.text import printable


def _words(value: object) -> str:
    """A file value as a person reads it: ids with spaces, lists joined, nothing as "none"."""
    if value is None or value == [] or value == "":
        return "none"
    if isinstance(value, list):
        return ", ".join(printable(str(entry), one_line=True) for entry in value)
    return printable(str(value), one_line=True).replace("-", " ")


def profile_lines(plan: Plan) -> list[tuple[str, str]]:
    """(label, value) for each thing the profile says, in the order a person tells it."""
    profile = plan.profile
    cat = catalog()
    goal = profile.get("goal")
    goal_name = cat.goals[goal].name if isinstance(goal, str) and goal in cat.goals else _words(goal)
    role = profile.get("role")
    role_name = cat.name_of(role) if isinstance(role, str) and role in cat.milestones else _words(role)
    years = profile.get("healthcare_experience_years")
    years_text = (
        "none" if years is None else f"{years:g}" if isinstance(years, (int, float)) else _words(years)
    )
    return [
        ("Name", _words(profile.get("name"))),
        ("Education", _words(profile.get("education"))),
        ("High school", _words(profile.get("high_school_courses"))),
        ("Holds", _words(profile.get("credentials"))),
        ("Completed", _words(profile.get("completed"))),
        ("Role", role_name),
        ("Years in care", years_text),
        ("Goal", goal_name),
        ("Starts", _words(profile.get("starts")).replace(" ", "-")),
    ]


class ProfilePane(Widget, can_focus=True):
    """Where the person stands; Enter edits it."""

    BORDER_TITLE = "Profile"

    BINDINGS = [
        Binding(
            "enter,e",
            "screen.edit_profile",
            "Edit profile",
            id="edit_profile_here",
            tooltip="Edit the profile.",
        )
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.plan: Plan | None = None
        self._shown: tuple = ()

    def show_plan(self, plan: Plan) -> None:
        """Show this plan's profile (edits replace the profile, so an unchanged one is not redrawn)."""
        shown = (plan.profile, plan.title)
        if self.plan is not None and shown == self._shown:
            self.plan = plan
            return
        self.plan = plan
        self._shown = shown
        self.refresh(layout=True)

    @staticmethod
    def summary(values: dict[str, str]) -> str:
        """The profile in one line, most telling first; what is empty is left out."""
        parts = [values["Name"], f"→ {values['Goal']} from {values['Starts']}"]
        parts.append("no role" if values["Role"] == "none" else values["Role"])
        years = values["Years in care"]
        if years not in ("none", "0"):
            parts.append(f"{years} yrs in care")
        parts.append(values["Education"])
        if values["Holds"] != "none":
            parts.append(f"holds {values['Holds']}")
        return " · ".join(part for part in parts if part != "none")

    def render(self) -> Text:
        if self.plan is None:
            return Text("")
        lines = profile_lines(self.plan)
        if not self.screen.has_class("-wide"):
            return Text(self.summary(dict(lines)))
        text = Text()
        for number, (label, value) in enumerate(lines):
            if number:
                text.append("\n")
            text.append(f"{label:<14}", style="bold")
            text.append(value)
        return text
