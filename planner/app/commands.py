"""The command palette (ctrl+p): every action of the main screen, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Take next step", "Add the highlighted next step to the timeline at its proposed terms.", "take_step"),
    ("Take all next steps", "Add every next step to the timeline at once.", "take_all_steps"),
    ("Add item", "Add an item to the timeline.", "add_item"),
    ("Edit item", "Edit every field of the selected item.", "edit_item"),
    ("Delete item", "Delete the selected item.", "delete_item"),
    ("Move item earlier", "Move the selected item a term earlier.", "move_item(-1)"),
    ("Move item later", "Move the selected item a term later.", "move_item(1)"),
    ("Lengthen item", "End the selected item a term later.", "resize_item(1)"),
    ("Shorten item", "End the selected item a term earlier.", "resize_item(-1)"),
    ("Undo", "Undo the last edit.", "undo"),
    ("Redo", "Redo the edit you undid.", "redo"),
    ("Edit profile", "Edit where you stand, your goal and the plan's title, in a dialog.", "edit_profile"),
    (
        "Edit profile here",
        "Go to the Profile pane: Up/Down choose a field, Enter edits it in place.",
        "focus_pane('profile')",
    ),
    ("Show source", "The seed sentences behind the selected diagnostic or item.", "show_source"),
    (
        "Go to diagnostic's item",
        "Put the timeline's cursor on the selected diagnostic's item.",
        "goto_diagnostic",
    ),
    ("Add comment", "A comment about the selected item (from Profile: the whole plan).", "add_comment"),
    ("Show comments", "Every comment, grouped by item; Enter goes to the item.", "show_comments"),
    ("Sign plan", "Approve the plan as it is now; the approval holds until it changes.", "sign"),
    (
        "Waive diagnostic",
        "An advisor's exception to the selected diagnostic, with who and why.",
        "waive_diagnostic",
    ),
    ("Fix this", "Apply the fix the selected diagnostic offers (u takes it back).", "fix_diagnostic"),
    ("Fix all", "Apply every fix the diagnostics offer, one after another, as one edit.", "fix_all"),
    (
        "Remove waiver",
        "Take away the waiver of the selected diagnostic (or a stale waiver).",
        "remove_waiver",
    ),
    *(
        (f"Switch rule pack to {pack}", f"Check the plan against {pack}: {title}.", f"switch_rules('{pack}')")
        for pack, title in (
            ("hit-2026", "the rules as they stand in 2026"),
            ("hit-2008", "the seed's requirements, the default"),
        )
    ),
    ("Compare with another plan", "This plan beside another: outcomes, differences, routes.", "compare"),
    ("Save", "Save the plan to its file.", "save"),
    ("Save as", "Save the plan to another file, which it then belongs to.", "save_as"),
    ("Save a copy as", "Write a copy to another file and go on editing this one.", "save_copy"),
    ("Reload", "Read the plan again from disk.", "reload"),
    ("Help", "The keys and what the marks mean.", "app.help"),
    ("Quit", "Quit (asks first when there are unsaved changes).", "app.quit"),
)
"""(name, help, action on the main screen) of each command."""


class PlanCommands(Provider):
    """The planner's actions, run on the main screen."""

    def _available(self) -> bool:
        from planner.app.screens.main import MainScreen

        return isinstance(self.screen, MainScreen)

    def _runner(self, action: str):
        return partial(self.screen.run_action, action)

    async def discover(self) -> Hits:
        if not self._available():
            return
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        if not self._available():
            return
        matcher = self.matcher(query)
        for name, help_text, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._runner(action), help=help_text)
