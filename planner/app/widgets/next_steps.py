"""The Next steps pane: what the plan still lacks on the way to the goal, each with its reason."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from planner.app.actions import bindings
from planner.core.catalog import Pack
from planner.core.model import Plan
from planner.core.nextsteps import NextStep


def step_prompt(number: int, step: NextStep, reason: bool = True) -> Text:
    """How one step reads: its name, its terms, and why (with the paragraph it rests on)."""
    when = str(step.start) if step.start == step.end else f"{step.start} to {step.end}"
    text = Text()
    text.append(f"{number}. {step.name}", style="bold")
    text.append(f"\n{when}")
    if reason:
        text.append(f"\nWhy: {step.reason} ({step.source})", style="italic")
    return text


class NextStepsPane(OptionList):
    """The core's next steps, in order; Enter takes the highlighted one.

    When the screen is wide every step shows its reason; when narrow only the highlighted one
    does, so that the others still fit.
    """

    BORDER_TITLE = "Next steps"

    BINDINGS = bindings("steps")

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.steps: list[NextStep] = []
        self._shown: tuple | None = None
        self._wide: bool | None = None
        self._errors = 0
        self._plan = Plan()
        """The plan the steps are for, as of the last `show_steps`."""
        self._pack: Pack | None = None
        """The rules the steps come from, as of the last `show_steps`."""

    def _all_reasons(self) -> bool:
        return self.screen.has_class("-wide")

    def show_steps(
        self, plan: Plan, steps: list[NextStep], errors: int = 0, pack: Pack | None = None
    ) -> None:
        """Show these steps (`pack`: the rules they come from, which name the goal; by default the
        built-in pack the plan names); does nothing when they read as they already do.

        With no step left, the pane says so, and points to the `errors` the plan still has (a
        milestone that a later one already covers is not proposed again, so a deleted degree
        shows as an error on the exam rather than as a step).
        """
        key = (
            plan.profile.goal,
            tuple((s.id, s.start.index, s.end.index, s.reason) for s in steps),
            errors if not steps else 0,
        )
        if pack is None:
            from planner.core.packs import plan_pack

            pack = plan_pack(plan)
        self.steps = steps
        self._errors = errors
        self._plan, self._pack = plan, pack
        if key == self._shown and self._wide == self._all_reasons():
            return
        self._shown = key
        self._wide = self._all_reasons()
        highlighted = self.highlighted
        self.clear_options()
        if steps:
            options: list[Option | None] = []
            for number, step in enumerate(steps, 1):
                if number > 1:
                    options.append(None)
                options.append(
                    Option(step_prompt(number, step, self._wide or number == 1), id=f"step-{number}")
                )
            self.add_options(options)
            self.highlighted = min(highlighted or 0, len(steps) - 1)
        else:
            goal = pack.goals.get(plan.profile.goal or "")
            if goal is None:
                message = "The profile names no goal. Edit the profile (p) to choose one."
            else:
                message = f"Nothing is missing on the way to your goal: {goal.name}."
                if errors:
                    message = (
                        f"No milestone is missing on the way to your goal ({goal.name}), but the plan has "
                        f"{errors} error{'' if errors == 1 else 's'}: see Diagnostics (4)."
                    )
            self.add_option(Option(Text(message), disabled=True))
        self.border_subtitle = Content(f"{len(steps)} to go" if steps else "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._wide or not self.steps:
            return
        for index, step in enumerate(self.steps):
            self.replace_option_prompt(
                f"step-{index + 1}", step_prompt(index + 1, step, index == event.option_index)
            )

    def on_resize(self) -> None:
        if self._wide is not None and self._wide != self._all_reasons() and self.steps:
            self._shown = None
            self.show_steps(self._plan, self.steps, self._errors, self._pack)

    @property
    def selected_step(self) -> NextStep | None:
        """The highlighted step (the first one when none is highlighted)."""
        if not self.steps:
            return None
        index = self.highlighted if self.highlighted is not None else 0
        return self.steps[min(index, len(self.steps) - 1)]
