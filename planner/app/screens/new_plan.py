"""Starting a new plan: where the person stands and their goal, then an offer to lay out the timeline.

Nothing is written: the new plan is in the app, marked unsaved, until the person saves it.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from planner.app.actions import bindings
from planner.app.screens.dialog import Dialog
from planner.app.screens.form import FormScreen
from planner.app.screens.profile_editor import profile_fields
from planner.app.widgets.fields import FormField
from planner.app.widgets.header import short_path
from planner.app.widgets.next_steps import step_prompt
from planner.core.catalog import Pack
from planner.core.model import Plan, Profile
from planner.core.nextsteps import next_steps
from planner.core.starter import new_profile, starter_plan
from planner.core.terms import Term
from planner.core.text import printable


class NewPlanScreen(FormScreen[Plan]):
    """Ask for the goal and where the person stands; dismisses with the new Plan, or None."""

    heading = "Start a new plan"
    accept_label = "Next"
    keys_help = (
        "Nothing is written until you save with {save}. Tab moves between fields, {form.accept} goes "
        "on, {form.cancel} quits without writing anything."
    )

    def __init__(self, path: str, today: Term, pack: Pack) -> None:
        super().__init__()
        self.path = path
        self.today = today
        self.pack = pack
        """The rules whose choices the questions offer."""
        name = printable(short_path(path), one_line=True)
        self.intro = (
            f"{name} does not exist yet. Say where you stand and where you want to go; the planner "
            "then proposes the steps."
        )
        self.draft = Plan(profile=new_profile("rhit", today.next()))

    def fields(self) -> list[FormField]:
        return profile_fields(self.draft, self.pack, with_title=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_accept(self) -> None:
        self.offer_layout()

    @work(group="flow")
    async def offer_layout(self) -> None:
        """Take the answers, offer to lay out the timeline, and dismiss with the plan as chosen."""
        values = self.values()
        if values is None:
            return
        profile = Profile()
        for name, value in values.items():
            profile.set(name, value)
        goal = profile.goal or "rhit"
        from planner.core.packs import NEW_PLANS, builtin_pack

        pack = builtin_pack(NEW_PLANS)  # a plan the planner starts has the rules as they stand today
        starts = profile.starts or self.today.next()
        plan = starter_plan(goal, starts, profile.name or None, profile=profile, rules=NEW_PLANS, pack=pack)
        steps = next_steps(Plan(profile=profile), pack, today=self.today)

        choice = await self.app.push_screen_wait(LayoutOfferScreen(steps))
        if choice == "layout":
            self.dismiss(plan)
        elif choice == "empty":
            plan.items = []
            self.dismiss(plan)


class LayoutOfferScreen(Dialog[str | None]):
    """Offer to lay out the timeline from the next steps: "layout", "empty", or None to go back."""

    BINDINGS = bindings("offer")
    AUTO_FOCUS = "#layout, #empty"

    def __init__(self, steps) -> None:
        super().__init__()
        self.steps = steps

    def compose(self) -> ComposeResult:
        count = len(self.steps)
        with Vertical(classes="dialog offer"):
            yield Static(Text("Lay out the timeline?"), classes="dialog-heading")
            if count:
                intro = f"These {count} steps lead to your goal. Put them on the timeline at these terms?"
            else:
                intro = "Nothing is missing on the way to this goal: the timeline can start empty."
            yield Static(Text(intro), classes="dialog-intro")
            with VerticalScroll(classes="offer-steps"):
                for number, step in enumerate(self.steps, 1):
                    yield Static(step_prompt(number, step), classes="offer-step")
            with Horizontal(classes="dialog-buttons"):
                if count:
                    yield Button(Text("Lay out the timeline"), variant="primary", id="layout")
                yield Button(Text("Start with an empty timeline"), id="empty")
                yield Button(Text("Back"), id="back")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "back" else event.button.id)
