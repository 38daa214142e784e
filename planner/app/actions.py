"""The planner's actions, in one table: the key bindings, the command palette and the help come from it.

Each `Action` row is one key binding of the main screen, of a pane or of a dialog (with its id,
which a keymap file can remap: see `planner.core.keymap`), or an action only the palette offers (no
keys). The screens, panes and dialogs take their BINDINGS from `bindings(owner)`, the palette
(`commands.py`) lists the rows that have a name, and the help (`screens/help.py`) lists every row
under its section, each with the keys in force. A sentence that names keys writes `{id}` for them
(`keys_said`), so that it names the keys in force too. A tooltip is written once, here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

MOVE = Binding.Group("Move", compact=True)
LENGTH = Binding.Group("Length", compact=True)

ANYWHERE = "Anywhere"
TIMELINE = "Timeline"
STEPS = "Next steps"
DIAGNOSTICS = "Diagnostics"
PROFILE = "Profile"
ADVICE = "Comments, approvals, waivers"
DIALOGS = "In dialogs"
COMMENTS_LIST = "The list of comments (C)"
COMPARISON = "Comparing two plans"
SECTIONS = (ANYWHERE, TIMELINE, STEPS, DIAGNOSTICS, PROFILE, ADVICE, DIALOGS, COMMENTS_LIST, COMPARISON)
"""The help's sections, in order: the main screen's, then the dialogs' and the other screens'."""

MAIN_SCREEN = ("main", "advisor", "timeline", "rows", "steps", "diagnostics", "profile")
"""The owners whose keys act on the main screen: the screen itself (and its advisor actions), its panes."""
DIALOG_OWNERS = (
    "form",
    "export",
    "compare_pick",
    "save_as",
    "confirm",
    "recovery",
    "offer",
    "source",
    "help",
    "comments",
    "compare",
)
"""The owners that are a screen of their own over the main one: a dialog (a form, Export report, Save
as, a question, ...), the list of comments, the comparison. Their keys act only there."""
OWNERS = ("app", *MAIN_SCREEN, *DIALOG_OWNERS)
"""Where a row's binding lives: the App, the main screen (and its advisor actions), a pane, or a
dialog or screen over the main one."""


@dataclass(frozen=True)
class Action:
    """One action: a key binding (when it has keys), a palette entry (when it has a name), a help line."""

    id: str
    """The binding's id, the name a keymap file uses to give it other keys."""
    keys: str
    """Its default keys, comma-separated (empty: the palette is the only way to it)."""
    action: str
    """The action as bound on its owner (`screen.add_item` on a pane runs the screen's)."""
    label: str
    """The footer's word for it."""
    tooltip: str
    """What it does, in one sentence: the help, the palette and the footer's tooltip say this."""
    owner: str
    """Whose BINDINGS it is in (see OWNERS)."""
    section: str
    """The help section it is listed under."""
    name: str | None = None
    """Its name in the command palette (None: not there)."""
    command: str | None = None
    """What the palette runs on the main screen, when not the bound action itself."""
    show: bool = True
    """Shown in the footer."""
    priority: bool = False
    group: Binding.Group | None = None
    needs: str | None = None
    """What it needs to act (see `unavailable`): item, step, diagnostic, fix."""
    where: str = ""
    """The dialog it acts in, as the help names it before the tooltip (a dialog's row only)."""

    def binding(self) -> Binding:
        """The key binding (only for a row with keys)."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            priority=self.priority,
            id=self.id,
            tooltip=self.tooltip,
            group=self.group,
        )

    @property
    def palette_command(self) -> str | None:
        """The action the palette runs on the main screen for this row (None: a pane's own action)."""
        if self.command is not None:
            return self.command
        if self.action.startswith("screen."):
            return self.action.removeprefix("screen.")
        if self.owner == "app":
            return f"app.{self.action}"
        if self.owner in ("main", "advisor"):
            return self.action
        return None


def _rules(pack: str, title: str) -> Action:
    return Action(
        f"rules_{pack.replace('-', '_')}",
        "",
        f"switch_rules('{pack}')",
        pack,
        f"Check the plan against {pack}: {title}.",
        "main",
        ANYWHERE,
        name=f"Switch rule pack to {pack}",
    )


ACTIONS: tuple[Action, ...] = (
    # --- the main screen ------------------------------------------------------------------------
    Action(
        "take_step",
        "t",
        "take_step",
        "Take step",
        "Add the highlighted next step to the timeline at its proposed terms.",
        "main",
        STEPS,
        name="Take next step",
        show=False,
        needs="step",
    ),
    Action(
        "take_all_steps",
        "",
        "take_all_steps",
        "Take all",
        "Add every next step to the timeline at once.",
        "main",
        STEPS,
        name="Take all next steps",
        needs="step",
    ),
    Action("save", "ctrl+s,f2", "save", "Save", "Save the plan to its file.", "main", ANYWHERE, name="Save"),
    Action(
        "save_as",
        "S,f12",
        "save_as",
        "Save as",
        "Save the plan to another file, which it then belongs to.",
        "main",
        ANYWHERE,
        name="Save as",
        show=False,
    ),
    Action("undo", "u,ctrl+z", "undo", "Undo", "Undo the last edit.", "main", ANYWHERE, name="Undo"),
    Action(
        "redo",
        "r,ctrl+y",
        "redo",
        "Redo",
        "Redo the edit you undid.",
        "main",
        ANYWHERE,
        name="Redo",
        show=False,
    ),
    Action(
        "reload",
        "f5,ctrl+r",
        "reload",
        "Reload",
        "Read the plan again from disk (asks first when there are unsaved edits).",
        "main",
        ANYWHERE,
        name="Reload",
        show=False,
    ),
    Action(
        "export_report",
        "x",
        "export_report",
        "Export",
        "Write the plan's report (Markdown or HTML) to a file beside the plan.",
        "main",
        ANYWHERE,
        name="Export report",
        show=False,
    ),
    Action(
        "edit_profile",
        "p",
        "edit_profile",
        "Profile",
        "Edit where you stand, your goal and the plan's title, in a dialog.",
        "main",
        PROFILE,
        name="Edit profile",
        show=False,
    ),
    Action(
        "show_source",
        "s",
        "show_source",
        "Source",
        "Show the seed sentences behind the selected diagnostic or item.",
        "main",
        ANYWHERE,
        name="Show source",
        show=False,
    ),
    Action("help_key", "question_mark", "app.help", "Help", "Show the help.", "main", ANYWHERE, show=False),
    Action(
        "quit_key", "q", "app.quit", "Quit", "Quit (asks about unsaved changes).", "main", ANYWHERE, show=True
    ),
    Action(
        "palette_key",
        "colon",
        "app.command_palette",
        "Commands",
        "Every action, by name.",
        "main",
        ANYWHERE,
        show=False,
    ),
    Action(
        "focus_profile",
        "1",
        "focus_pane('profile')",
        "Profile",
        "Go to Profile.",
        "main",
        ANYWHERE,
        show=False,
    ),
    Action(
        "focus_steps",
        "2",
        "focus_pane('steps')",
        "Next steps",
        "Go to Next steps.",
        "main",
        ANYWHERE,
        show=False,
    ),
    Action(
        "focus_timeline",
        "3",
        "focus_pane('timeline')",
        "Timeline",
        "Go to Timeline.",
        "main",
        ANYWHERE,
        show=False,
    ),
    Action(
        "focus_diagnostics",
        "4",
        "focus_pane('diagnostics')",
        "Diagnostics",
        "Go to Diagnostics.",
        "main",
        ANYWHERE,
        show=False,
    ),
    # --- the app: anywhere, also in dialogs -----------------------------------------------------
    Action(
        "quit",
        "ctrl+q",
        "quit",
        "Quit",
        "Quit; asks first when there are unsaved changes.",
        "app",
        ANYWHERE,
        name="Quit",
        show=False,
        priority=True,
    ),
    Action(
        "help", "f1", "help", "Help", "Show the keys and what the marks mean.", "app", ANYWHERE, name="Help"
    ),
    Action(
        "command_palette",
        "ctrl+p,f10",
        "command_palette",
        "palette",
        "Every action, by name, with its key.",
        "app",
        ANYWHERE,
        show=False,
        priority=True,
    ),
    _rules("hit-2026", "the rules as they stand in 2026"),
    _rules("hit-2008", "the seed's requirements, the default"),
    # --- the timeline -----------------------------------------------------------------------------
    Action(
        "add_item",
        "a",
        "screen.add_item",
        "Add",
        "Add an item to the timeline.",
        "timeline",
        TIMELINE,
        name="Add item",
    ),
    Action(
        "edit_item",
        "e,enter",
        "screen.edit_item",
        "Edit",
        "Edit every field of the selected item.",
        "timeline",
        TIMELINE,
        name="Edit item",
        needs="item",
    ),
    Action(
        "delete_item",
        "d,delete",
        "screen.delete_item",
        "Del",
        "Delete the selected item (u brings it back).",
        "timeline",
        TIMELINE,
        name="Delete item",
        needs="item",
    ),
    Action(
        "move_earlier",
        "less_than_sign,shift+left",
        "screen.move_item(-1)",
        "Earlier",
        "Move the selected item a term earlier.",
        "timeline",
        TIMELINE,
        name="Move item earlier",
        group=MOVE,
        needs="item",
    ),
    Action(
        "move_later",
        "greater_than_sign,shift+right",
        "screen.move_item(1)",
        "Later",
        "Move the selected item a term later.",
        "timeline",
        TIMELINE,
        name="Move item later",
        group=MOVE,
        needs="item",
    ),
    Action(
        "shorten",
        "minus",
        "screen.resize_item(-1)",
        "Shorter",
        "End the selected item a term earlier.",
        "timeline",
        TIMELINE,
        name="Shorten item",
        group=LENGTH,
        needs="item",
    ),
    Action(
        "lengthen",
        "plus,equals_sign",
        "screen.resize_item(1)",
        "Longer",
        "End the selected item a term later.",
        "timeline",
        TIMELINE,
        name="Lengthen item",
        group=LENGTH,
        needs="item",
    ),
    Action(
        "timeline.left",
        "left,h",
        "scroll_terms(-1)",
        "Scroll left",
        "Earlier terms.",
        "timeline",
        TIMELINE,
        show=False,
    ),
    Action(
        "timeline.right",
        "right,l",
        "scroll_terms(1)",
        "Scroll right",
        "Later terms.",
        "timeline",
        TIMELINE,
        show=False,
    ),
    Action("rows.up", "up,k", "cursor(-1)", "Up", "Move to the row above.", "rows", TIMELINE, show=False),
    Action(
        "rows.down", "down,j", "cursor(1)", "Down", "Move to the row below.", "rows", TIMELINE, show=False
    ),
    Action(
        "rows.page_up", "pageup", "page(-1)", "Page up", "Up one screenful.", "rows", TIMELINE, show=False
    ),
    Action(
        "rows.page_down",
        "pagedown",
        "page(1)",
        "Page down",
        "Down one screenful.",
        "rows",
        TIMELINE,
        show=False,
    ),
    Action("rows.first", "home", "first", "First", "Go to the first row.", "rows", TIMELINE, show=False),
    Action("rows.last", "end", "last", "Last", "Go to the last row.", "rows", TIMELINE, show=False),
    # --- next steps ---------------------------------------------------------------------------------
    Action("take_step_here", "enter,t", "select", "Take step", "Take the highlighted step.", "steps", STEPS),
    # --- diagnostics ----------------------------------------------------------------------------------
    Action(
        "goto_diagnostic",
        "enter",
        "screen.goto_diagnostic",
        "Go to item",
        "Put the timeline's cursor on the selected diagnostic's item.",
        "diagnostics",
        DIAGNOSTICS,
        name="Go to diagnostic's item",
        needs="diagnostic",
    ),
    Action(
        "show_source_here",
        "s",
        "screen.show_source",
        "Source",
        "Show the sentence behind it.",
        "diagnostics",
        DIAGNOSTICS,
    ),
    Action(
        "fix_diagnostic",
        "f",
        "screen.fix_diagnostic",
        "Fix",
        "Apply the fix the selected diagnostic offers (u takes it back).",
        "diagnostics",
        DIAGNOSTICS,
        name="Fix this",
        needs="fix",
    ),
    Action(
        "fix_all",
        "F",
        "fix_all",
        "Fix all",
        "Apply every fix the diagnostics offer, one after another, as one edit.",
        "main",
        DIAGNOSTICS,
        name="Fix all",
        show=False,
    ),
    Action(
        "waive_diagnostic",
        "w",
        "screen.waive_diagnostic",
        "Waive",
        "Waive the selected diagnostic: an advisor's exception, with who and why.",
        "diagnostics",
        DIAGNOSTICS,
        name="Waive diagnostic",
        needs="diagnostic",
    ),
    # --- the profile ------------------------------------------------------------------------------
    Action(
        "edit_profile_in_pane",
        "",
        "focus_pane('profile')",
        "Profile",
        "Go to the Profile pane: Up/Down choose a field, Enter edits it in place.",
        "main",
        PROFILE,
        name="Edit profile here",
    ),
    Action("profile.up", "up,k", "cursor(-1)", "Up", "The field above.", "profile", PROFILE, show=False),
    Action("profile.down", "down,j", "cursor(1)", "Down", "The field below.", "profile", PROFILE, show=False),
    Action(
        "profile.first", "home", "cursor_to(0)", "First", "The first field.", "profile", PROFILE, show=False
    ),
    Action("profile.last", "end", "cursor_to(-1)", "Last", "The last field.", "profile", PROFILE, show=False),
    Action(
        "edit_profile_here",
        "enter,e",
        "edit_field",
        "Edit field",
        "Edit the field under the cursor, here in the pane (Enter takes it, Esc cancels).",
        "profile",
        PROFILE,
    ),
    Action(
        "profile.accept",
        "ctrl+s,f2",
        "accept",
        "Take it",
        "Take the value being edited (as Enter does).",
        "profile",
        PROFILE,
    ),
    Action(
        "profile.cancel", "escape", "cancel", "Cancel", "Put the field back as it was.", "profile", PROFILE
    ),
    # --- the conversation with an advisor ---------------------------------------------------------
    Action(
        "add_comment",
        "c",
        "add_comment",
        "Comment",
        "Comment on the selected item (from Profile: on the whole plan).",
        "advisor",
        ADVICE,
        name="Add comment",
        show=False,
    ),
    Action(
        "show_comments",
        "C",
        "show_comments",
        "Comments",
        "Every comment, grouped by item; Enter goes to the item.",
        "advisor",
        ADVICE,
        name="Show comments",
        show=False,
    ),
    Action(
        "sign",
        "A",
        "sign",
        "Sign",
        "Sign (approve) the plan as it is now; the approval holds until it changes.",
        "advisor",
        ADVICE,
        name="Sign plan",
        show=False,
    ),
    Action(
        "remove_waiver",
        "",
        "remove_waiver",
        "Remove waiver",
        "Take away the waiver of the selected diagnostic (or a stale waiver).",
        "advisor",
        ADVICE,
        name="Remove waiver",
        needs="diagnostic",
    ),
    Action(
        "compare",
        "",
        "compare",
        "Compare",
        "This plan beside another: outcomes, differences, routes.",
        "advisor",
        ADVICE,
        name="Compare with another plan",
    ),
    Action(
        "save_copy",
        "",
        "save_copy",
        "Save a copy",
        "Write a copy to another file and go on editing this one.",
        "advisor",
        ADVICE,
        name="Save a copy as",
    ),
    # --- dialogs: their keys act only while the dialog is open --------------------------------------
    Action(
        "form.cancel",
        "escape",
        "cancel",
        "Cancel",
        "Close without changing anything.",
        "form",
        DIALOGS,
        where="A form (an item, the profile, a comment, a waiver, a new plan)",
    ),
    Action(
        "form.accept",
        "ctrl+s,f2",
        "accept",
        "Save changes",
        "Take these values.",
        "form",
        DIALOGS,
        where="A form",
    ),
    Action(
        "export.cancel",
        "escape",
        "dismiss(None)",
        "Cancel",
        "Do not export.",
        "export",
        DIALOGS,
        where="Export report",
    ),
    Action(
        "save_as.cancel",
        "escape",
        "dismiss(None)",
        "Cancel",
        "Do not save.",
        "save_as",
        DIALOGS,
        where="Save as, Save a copy as",
    ),
    Action(
        "compare_pick.cancel",
        "escape",
        "dismiss(None)",
        "Cancel",
        "Do not compare.",
        "compare_pick",
        DIALOGS,
        where="Compare with another plan",
    ),
    Action(
        "confirm.cancel",
        "escape",
        "dismiss(None)",
        "Cancel",
        "Change nothing.",
        "confirm",
        DIALOGS,
        where="A question (replace a file, quit or reload with unsaved changes)",
    ),
    Action(
        "recovery.keep",
        "escape",
        "dismiss('keep')",
        "Open as saved",
        "Open the plan as saved; the recovery file stays.",
        "recovery",
        DIALOGS,
        where="Unsaved edits from an earlier session",
    ),
    Action(
        "offer.back",
        "escape",
        "dismiss(None)",
        "Back",
        "Back to the profile.",
        "offer",
        DIALOGS,
        where="A new plan's offer to lay out the timeline",
    ),
    Action(
        "source.close",
        "escape,q,s",
        "dismiss(None)",
        "Close",
        "Back to the plan.",
        "source",
        DIALOGS,
        where="Source",
    ),
    Action(
        "help.close",
        "escape,q,f1,question_mark",
        "dismiss(None)",
        "Close",
        "Back to the plan.",
        "help",
        DIALOGS,
        where="Help",
    ),
    # --- the list of comments (C) -----------------------------------------------------------------
    Action(
        "comments.back",
        "escape,q",
        "dismiss(None)",
        "Back",
        "Back to the plan.",
        "comments",
        COMMENTS_LIST,
    ),
    Action(
        "comments.add",
        "c",
        "add_comment",
        "Add comment",
        "Add a comment about the highlighted one's item.",
        "comments",
        COMMENTS_LIST,
    ),
    Action(
        "comments.delete",
        "d,delete",
        "delete_comment",
        "Delete",
        "Delete the highlighted comment (u undoes it).",
        "comments",
        COMMENTS_LIST,
    ),
    Action("comments.undo", "u,ctrl+z", "undo", "Undo", "Undo the last edit.", "comments", COMMENTS_LIST),
    Action(
        "comments.go",
        "enter",
        "go",
        "Go to item",
        "Show the comment's item in the timeline.",
        "comments",
        COMMENTS_LIST,
    ),
    # --- comparing two plans ----------------------------------------------------------------------
    Action("compare.back", "escape,q", "dismiss(None)", "Back", "Back to the plan.", "compare", COMPARISON),
)
"""Every action, in the order the palette and the help list them."""

BY_ID = {action.id: action for action in ACTIONS}


def bindings(owner: str) -> list[BindingType]:
    """The key bindings of one owner (see OWNERS), for its BINDINGS."""
    return [action.binding() for action in ACTIONS if action.owner == owner and action.keys]


def keys_in_force(app: App | None, action: Action) -> list[str]:
    """The keys that do `action` now: the keymap's, where it gives the action other keys."""
    keymap: dict[str, str] = getattr(app, "_keymap", None) or {}
    keys = keymap.get(action.id, action.keys)
    return [key.strip() for key in keys.split(",") if key.strip()]


def key_display(app: App | None, key: str) -> str:
    """A key as the footer writes it (^s for ctrl+s, ? for question_mark)."""
    if app is None:
        return key
    return app.get_key_display(Binding(key, ""))


def shown_keys(app: App | None, actions: list[Action], limit: int = 0) -> str:
    """The keys in force for these rows, as "^s or f2" (the first `limit` of them when given)."""
    keys: list[str] = []
    for action in actions:
        for key in keys_in_force(app, action):
            shown = key_display(app, key)
            if shown not in keys:
                keys.append(shown)
    if limit:
        keys = keys[:limit]
    return " or ".join(keys)


SPOKEN = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "delete": "Delete",
    "backspace": "Backspace",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
}
"""Keys as a sentence writes them (the footer's short forms are for the footer)."""


def spoken_key(app: App | None, key: str) -> str:
    """A key as a sentence names it: ctrl+s, F2, Esc, Enter, q, ?."""
    modifiers, plus, last = key.rpartition("+") if len(key) > 1 else ("", "", key)
    if not last:  # "ctrl++": the key is the plus sign
        modifiers, plus, last = modifiers.removesuffix("+"), "+", "+"
    if len(last) > 1 and last[0] in "fF" and last[1:].isdigit():
        last = last.upper()
    elif last in SPOKEN:
        last = SPOKEN[last]
    elif len(last) > 1:
        last = key_display(app, last)
    return f"{modifiers}{plus}{last}"


def said_keys(app: App | None, action_id: str) -> str:
    """The keys in force for one action, as a sentence names them: "ctrl+s (or F2)", "Esc"."""
    keys: list[str] = []
    for key in keys_in_force(app, BY_ID[action_id]):
        said = spoken_key(app, key)
        if said not in keys:
            keys.append(said)
    if len(keys) < 2:
        return "".join(keys)
    return f"{keys[0]} (or {', '.join(keys[1:])})"


_NAMED_KEYS = re.compile(r"\{([a-z0-9_.]+)\}")


def keys_said(app: App | None, sentence: str) -> str:
    """`sentence` with each `{id}` of an action replaced by its keys in force (`said_keys`), so that
    "{form.cancel} cancels" stays true after a keymap gives it other keys. Only for the program's
    own sentences: a plan's text never goes through here."""
    return _NAMED_KEYS.sub(
        lambda found: said_keys(app, found.group(1)) if found.group(1) in BY_ID else found.group(0), sentence
    )


def keymap_places() -> dict[str, str | None]:
    """Each action's id and where its keys act: "main" (the main screen and its panes), a dialog's
    owner, or None for the app's (everywhere). A keymap may give one key to actions of different
    places (Esc closing every dialog), not to two actions of one place."""
    return {
        action.id: None if action.owner == "app" else "main" if action.owner in MAIN_SCREEN else action.owner
        for action in ACTIONS
    }


@dataclass(frozen=True)
class PaletteEntry:
    """One line of the command palette: a name, what it does, what it runs and the rows whose keys do it."""

    name: str
    tooltip: str
    command: str
    rows: list[Action]

    @property
    def needs(self) -> str | None:
        """What the entry needs to act (the named row's)."""
        return self.rows[0].needs


def palette_entries() -> list[PaletteEntry]:
    """The palette's entries in table order; each gathers every row that runs the same command."""
    entries = []
    for action in ACTIONS:
        command = action.palette_command
        if action.name is None or command is None:
            continue
        rows = [
            action,
            *(other for other in ACTIONS if other is not action and other.palette_command == command),
        ]
        entries.append(PaletteEntry(action.name, action.tooltip, command, rows))
    # The app's own (Help, Quit) after the plan's.
    return [e for e in entries if not e.command.startswith("app.")] + [
        e for e in entries if e.command.startswith("app.")
    ]


def help_sections() -> list[tuple[str, list[list[Action]]]]:
    """The help's sections in order, each with its lines: the rows that do the same thing together."""
    sections = []
    for section in SECTIONS:
        lines: dict[str, list[Action]] = {}
        for action in ACTIONS:
            if action.section == section:
                lines.setdefault(action.palette_command or f"{action.owner}.{action.action}", []).append(
                    action
                )
        sections.append((section, list(lines.values())))
    return sections


def unavailable(screen: Screen, action: Action) -> str | None:
    """Why `action` cannot act on the main screen as it is now (None: it can)."""
    needs = action.needs
    if needs is None:
        return None
    from planner.app.screens.main import MainScreen
    from planner.app.widgets.diagnostics import DiagnosticList

    if not isinstance(screen, MainScreen):
        return "only on the plan's screen"
    if needs == "item":
        return None if screen.timeline.selected_item is not None else "the timeline has no item selected"
    if needs == "step":
        return None if screen.planner.current_review().steps else "there is no next step to take"
    diagnostic = screen.query_one(DiagnosticList).selected
    if diagnostic is None:
        return "no diagnostic is selected"
    if needs == "fix" and screen.fix_of(diagnostic) is None:
        return "the selected diagnostic offers no fix"
    return None


def load_keymap(app: App, path: str | None = None) -> str | None:
    """Give the app the keys of the person's keymap file (`planner.core.keymap`); the problem of a
    file that cannot be taken, as one sentence (the default keys then stay), else None."""
    from planner.core.keymap import KeymapError, keymap_path, read_keymap

    path = path or keymap_path()
    try:
        keymap = read_keymap(path, keymap_places())
    except KeymapError as error:
        return f"{error}; the planner keeps its default keys."
    if keymap:
        app.set_keymap(keymap)
    return None
