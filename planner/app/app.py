"""The planner's Textual app: one plan's session, and the screens that show it.

The plan being edited, its history and its file are a `Session` (planner/core/session.py); the
app runs it for the screen: it does saving and reloading in threads, says what happened, and
keeps the latest `Review`. The app watches the session: every change to the plan ends in
`plan_changed`, which has the plan redrawn at once and revalidates: on the spot for a plan of
ordinary size, from a snapshot in a thread for a big one (the result is dropped when a newer
edit came in meanwhile). The app tells the screens through signals (`plan_signal`,
`review_signal`, ...), which the main screen subscribes to; it never calls into a screen.
Rules and edits are decided in `planner.core`; the app only asks.
"""

from __future__ import annotations

import asyncio
import datetime
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.signal import Signal

from planner.app.actions import bindings, load_keymap, said_keys
from planner.app.commands import PlanCommands
from planner.app.keeper import RecoveryKeeper
from planner.core import edits
from planner.core.catalog import Pack
from planner.core.edits import History
from planner.core.model import Item, Plan
from planner.core.review import Review, review
from planner.core.session import RELOADED, SAVED, Change, SaveJob, Session
from planner.core.storage import Loaded, PlanFileError, Saved
from planner.core.terms import Term
from planner.core.text import printable

if TYPE_CHECKING:
    from textual.filter import LineFilter

    from planner.app.screens.main import MainScreen

SYNC_LIMIT = 2000
"""Plans with more items than this are revalidated in a thread, so keys never wait for it."""


def styles_folder() -> Path:
    """The folder of the .tcss files: beside the installed package, else the checkout's styles/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "styles"
    if installed.is_dir():
        return installed
    return package.parent / "styles"


class PlannerApp(App[None]):
    """The planner on one plan file."""

    TITLE = "planner"
    CSS_PATH = [
        styles_folder() / "app.tcss",
        styles_folder() / "dialogs.tcss",
        styles_folder() / "advisor.tcss",
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (70, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    COMMANDS = {PlanCommands}  # the planner's actions, then Textual's system commands (commands.py)
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings("app")

    def __init__(
        self,
        path: str,
        loaded: Loaded | None = None,
        today: Term | None = None,
        own_plan: bool = False,
    ) -> None:
        """Open `loaded` (a plan read from `path`), or start a new plan at `path` when it is None.

        `today` fixes the term shown as today (tests and screenshots); `own_plan` says `path` is
        the user's own plan in the per-user data folder (its folder is made when saving).
        """
        super().__init__()
        self.today = today or Term.current()
        self.session = Session(path, loaded, own_plan)
        """The plan being edited, its history and its file."""
        self.session.subscribe(self.session_changed)
        self.review: Review | None = None
        self.keeper = RecoveryKeeper(self, self.session)
        self._no_colour_filter: LineFilter | None = None
        """NO_COLOR's filter for the theme in use (see get_line_filters)."""
        """Keeps unsaved edits in a recovery file beside the plan."""
        self.told_backup = False
        self.author: str | None = None
        """The name last given for a comment, waiver or approval in this session, offered again."""
        self.fixed_date: datetime.date | None = None
        """The date comments, waivers and approvals get (tests and screenshots); None: today."""
        self.showing = False
        """The main screen is up, and shows the plan as it changes."""
        self._pack_problem: str | None = None
        self.plan_signal: Signal[Item | None] = Signal(self, "plan")
        """The plan changed: draw it (the item given is the one the change is about)."""
        self.review_signal: Signal[Review] = Signal(self, "review")
        """A review of the plan as it is now is ready: show it."""
        self.checking_signal: Signal[Review | None] = Signal(self, "checking")
        """A review is being made in a thread (the latest one, now stale, is given)."""
        self.header_signal: Signal[None] = Signal(self, "header")
        """The title line's facts (title, file, unsaved mark, pack) may have changed."""
        self.said_signal: Signal[str] = Signal(self, "said")
        """A short message about the last action, for the title line."""
        self.review_wanted = False
        """The plan changed since the running review began."""

    # --- the session --------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The plan being edited."""
        return self.session.plan

    @property
    def history(self) -> History:
        """The plan's edit history."""
        return self.session.history

    @property
    def path(self) -> str:
        """The file the plan belongs to."""
        return self.session.path

    @property
    def own_plan(self) -> bool:
        """The plan is the user's own, in the per-user data folder."""
        return self.session.own_plan

    @property
    def disk_text(self) -> str | None:
        """The file's text as last read or written (None: not on disk yet)."""
        return self.session.disk_text

    @property
    def restored_from(self) -> str | None:
        """The recovery file whose edits were restored, until they are saved."""
        return self.session.restored_from

    @property
    def modified(self) -> bool:
        """True when there are changes that are not on disk."""
        return self.session.modified

    @property
    def pack(self) -> Pack:
        """The rule pack the plan names (its `rules`), read again only when `rules` changes.

        A pack that cannot be read (a pack file removed meanwhile) is said once in the header,
        and the default pack stands in until `rules` changes again.
        """
        pack = self.session.pack
        problem = self.session.pack_problem
        if problem is not None and problem is not self._pack_problem:
            self.say(problem)
        self._pack_problem = problem
        return pack

    def date_today(self) -> datetime.date:
        """The date a comment, waiver or approval made now gets."""
        return self.fixed_date or datetime.date.today()

    @property
    def main(self) -> MainScreen:
        """The main screen (the panes)."""
        from planner.app.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")

    def get_default_screen(self) -> Screen:
        from planner.app.screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        keymap_problem = load_keymap(self)
        if keymap_problem:
            self.notify(keymap_problem, severity="error", timeout=15)
        self.theme_changed_signal.subscribe(self, self.match_no_color_filter)
        self.theme = self.choose_theme()
        self.match_no_color_filter()
        if self.keeper.enabled is None:
            self.keeper.enabled = not self.is_headless
        self.keeper.start()
        if not self.is_headless:
            self.catch_hang_ups()

    def get_driver_class(self):
        """Textual's driver for this system; on Linux and macOS one that survives a byte that is not UTF-8.

        A driver named in $TEXTUAL_DRIVER is used as it is.
        """
        from textual import constants

        driver_class = super().get_driver_class()
        if constants.DRIVER is None and (
            driver_class.__module__ == "textual.drivers.linux_driver"
            and driver_class.__name__ == "LinuxDriver"
        ):
            from planner.app.driver import ForgivingLinuxDriver

            return ForgivingLinuxDriver
        return driver_class

    def catch_hang_ups(self) -> None:
        """Keep unsaved edits when the terminal goes away (a dropped SSH session), on SIGTERM, and
        on SIGINT from another process (ctrl+c is a key here, not a signal).

        Textual installs no handler for these, and without one the process dies at once.
        """
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM", "SIGINT"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.hang_up, name)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def hang_up(self, signal_name: str = "SIGHUP") -> None:
        """The session is ending without a word from the person: keep any unsaved edits, then exit.

        After SIGTERM or SIGINT the terminal is still there, and is told where the edits are.
        """
        import signal

        kept = self.keeper.keep_now()
        message = None
        if kept and signal_name != "SIGHUP":
            message = Text(f"planner: the unsaved edits are kept in {printable(kept)}")
        # The shell's convention for a process ended by a signal: 128 + its number (143 for SIGTERM).
        self.exit(return_code=128 + int(getattr(signal, signal_name)), message=message)

    def on_unmount(self) -> None:
        # However the app ends (a crash or a panic included), edits not given up are kept.
        if self.keeper.enabled:
            self.keeper.keep_now()
        self.keeper.end()

    def choose_theme(self) -> str:
        """$PLANNER_THEME when it names a theme; the terminal's own 16 colours when that is all it has."""
        wanted = os.environ.get("PLANNER_THEME", "")
        if wanted in self.available_themes:
            return wanted
        if not self.is_headless and self.console.color_system in ("standard", "windows"):
            return "ansi-dark"
        return self.theme

    def match_no_color_filter(self, _theme: object = None) -> None:
        """Keep NO_COLOR's filter right for the theme in use (see `get_line_filters`); after a
        theme switch, everything is drawn again with it."""
        if self.no_color:
            self.refresh_css()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, with NO_COLOR's made right for the theme in use.

        Textual chooses NO_COLOR's filter once, for the theme the app starts with: Monochrome for
        a truecolour theme, NoColor for an ANSI one. After a switch to an ANSI theme, Monochrome
        would turn the terminal's default colours to black on black.
        """
        filters = super().get_line_filters()
        if not self.no_color:
            return filters
        from textual.filter import Monochrome, NoColor

        wanted = NoColor if self.native_ansi_color else Monochrome
        if self._no_colour_filter is None or type(self._no_colour_filter) is not wanted:
            self._no_colour_filter = wanted()
        return [
            self._no_colour_filter if isinstance(each, (NoColor, Monochrome)) else each for each in filters
        ]

    def main_ready(self) -> None:
        """The main screen is up: show the plan, or start a new one."""
        from planner.app.screens.recovery import offer_recovery

        self.showing = True
        self.plan_changed(None)
        if offer_recovery(self, self._recovery_answered):
            return
        if self.disk_text is None:
            # At once, not after a refresh: a key typed in the first frame must reach the
            # questions, not the main screen (where ctrl+s would save an empty plan).
            self.start_new_plan()

    def _recovery_answered(self, restored: bool) -> None:
        if not restored and self.disk_text is None:
            self.start_new_plan()

    def restore(self, plan: Plan, file: str) -> None:
        """Open the edits kept in a recovery file: the plan as they left it, marked unsaved."""
        self.keeper.adopt(file)
        self.session.open(plan, restored_from=file)
        save = said_keys(self, "save")
        self.notify(f"Restored the edits kept in {file}; {save} saves them into the plan.", timeout=8)

    def start_new_plan(self) -> None:
        """Ask where the person stands and what they aim for, then offer to lay out the timeline."""
        from planner.app.screens.new_plan import NewPlanScreen

        self.push_screen(NewPlanScreen(self.path, self.today, self.pack), self._new_plan_answered)

    def _new_plan_answered(self, plan: Plan | None) -> None:
        if plan is None:
            self.exit(message=Text("No plan was started; nothing was written."))
            return
        self.session.open(plan)

    def apply(self, edit: edits.Edit | None) -> Item | None:
        """Make an edit (None: nothing to change); the plan is redrawn and revalidated."""
        return self.session.apply(edit)

    def try_edit(self, build, *args) -> bool:
        """Build an edit with `build(plan, *args)` and make it; a refusal becomes a notice.

        Returns True when the plan changed.
        """
        try:
            edit = build(self.plan, *args)
        except edits.EditRefused as refusal:
            self.notify(str(refusal), severity="warning", timeout=4)
            return False
        if edit is None:
            return False
        self.apply(edit)
        return True

    def undo(self) -> None:
        """Undo the last edit."""
        done = self.session.undo()
        if done is None:
            self.say("Nothing to undo.")
            return
        self.say(f"Undone: {done[0].description}")

    def redo(self) -> None:
        """Redo the last undone edit."""
        done = self.session.redo()
        if done is None:
            self.say("Nothing to redo.")
            return
        self.say(f"Redone: {done[0].description}")

    def session_changed(self, change: Change) -> None:
        """The session told of a change: redraw and revalidate, or only redraw the title line."""
        if change.kind == RELOADED:
            self.review = None
        if change.kind == SAVED:
            self.refresh_header()
        else:
            self.plan_changed(change.focus)

    def plan_changed(self, focus: Item | None) -> None:
        """The plan changed: have it redrawn now, and revalidate."""
        if not self.showing:
            return
        self.plan_signal.publish(focus)
        self.revalidate()
        self.keeper.plan_changed()

    def revalidate(self) -> None:
        """Validate the plan and show the result: now, or from a thread for a big plan.

        For a big plan one review runs at a time, and starts after the edit is on screen; edits
        made meanwhile are reviewed together when it ends.
        """
        if len(self.plan.items) <= SYNC_LIMIT:
            self.show_review(review(self.plan, self.history.version, self.today, self.pack))
            return
        self.checking_signal.publish(self.review)
        self.review_wanted = True
        if not self.reviewing:
            self._review_in_thread()

    @property
    def reviewing(self) -> bool:
        """A review is being made in a thread."""
        return any(worker.group == "review" and not worker.is_finished for worker in self.workers)

    @work(group="review", name="review")
    async def _review_in_thread(self) -> None:
        """Review the plan in a thread once the edit is on screen, and again while edits come in."""
        while self.review_wanted:
            drawn = asyncio.get_running_loop().create_future()
            self.call_after_refresh(drawn.set_result, None)
            await drawn
            self.review_wanted = False
            plan, version, today, pack = (
                edits.snapshot(self.plan),
                self.history.version,
                self.today,
                self.pack,
            )
            self.show_review(await asyncio.to_thread(review, plan, version, today, pack))

    def show_review(self, result: Review) -> None:
        """Have a review shown, unless the plan has changed since it was made."""
        if result.version != self.history.version:
            return
        self.review = result
        self.review_signal.publish(result)

    def current_review(self) -> Review:
        """A review of the plan as it is now (made on the spot when the latest one is stale)."""
        if self.review is None or self.review.version != self.history.version:
            self.review = review(self.plan, self.history.version, self.today, self.pack)
        return self.review

    # --- files --------------------------------------------------------------------------------

    def changed_on_disk(self, path: str) -> bool:
        """True when the file at `path` is not what this app last read or wrote there (or a file
        appeared where a new plan is to go, or the plan's file was removed)."""
        return self.session.changed_on_disk(path)

    def save(self, path: str | None = None, then=None, keep_theirs: bool = False) -> None:
        """Write the plan to `path` (default: its own file) in a thread; `then()` runs after success.

        With `keep_theirs`, the file as it is on disk now is kept beside it (`PLAN.toml.~N~`).
        """
        if self.saving:
            self.notify("Still saving; try again in a moment.", timeout=2)
            return
        self._save(self.session.save_job(path, keep_previous=keep_theirs), then)

    @property
    def saving(self) -> bool:
        """A save is being written."""
        return any(worker.group == "save" and not worker.is_finished for worker in self.workers)

    @work(group="save", name="save")
    async def _save(self, job: SaveJob, then) -> None:
        """Write `job` in a thread, then take the result in; `then()` runs after success."""
        try:
            saved = await asyncio.to_thread(job.run)
        except PlanFileError as error:
            self.notify(f"Not saved (your edits are kept here): {error}", severity="error", timeout=10)
            return
        self._saved(job, saved)
        if then is not None:
            then()

    def _saved(self, job: SaveJob, saved: Saved) -> None:
        self.session.saved(job, saved)
        removed = self.keeper.saved()
        if removed:
            self.notify(f"Saved; the recovery file {removed} is removed, its edits are in the plan now.")
        if saved.backup and job.keep_previous:
            self.notify(f"Saved over the other version, which is kept in {saved.backup}", timeout=10)
        elif saved.backup and not self.told_backup:
            self.told_backup = True
            self.notify(
                f"Saved. The file had TOML comments, which the planner's layout cannot keep; "
                f"the previous version, comments and all, is in {saved.backup}",
                timeout=10,
            )
        else:
            self.say(f"Saved {os.path.basename(saved.path)}")

    @work(group="reload", name="reload")
    async def reload(self) -> None:
        """Read the plan again from disk, in a thread, dropping the edits (the caller asked first)."""
        try:
            loaded = await asyncio.to_thread(self.session.read)
        except PlanFileError as error:
            self.notify(f"Not reloaded: {error}", severity="error", timeout=8)
            return
        self.session.reloaded(loaded)
        kept = self.keeper.reloaded()
        if kept:
            self.notify(f"Reloaded {loaded.path}; the recovered edits stay in {kept}", timeout=8)
        else:
            self.notify(f"Reloaded {loaded.path}", timeout=2)

    def say(self, message: str) -> None:
        """A short message about the last action, in the title line for a few seconds."""
        self.said_signal.publish(message)

    def refresh_header(self) -> None:
        """Redraw the title line (title, file, unsaved mark)."""
        self.header_signal.publish(None)

    def notify(self, message: str, **options) -> None:
        """A notice, always as plain text with control characters made visible (it may name files
        and items, which are data)."""
        options["markup"] = False
        if "title" in options:
            options["title"] = printable(str(options["title"]), one_line=True)
        super().notify(printable(message), **options)

    # --- app-wide actions ---------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit, asking first (save, discard or stay) when there are unsaved changes."""
        if not self.modified:
            self.exit()
            return
        from planner.app.screens.confirm import ConfirmScreen

        asking = any(worker.name == "quit" and not worker.is_finished for worker in self.workers)
        if not asking and not isinstance(self.screen, ConfirmScreen):
            self._ask_before_quitting()

    @work(group="flow", name="quit")
    async def _ask_before_quitting(self) -> None:
        """Ask whether to save, discard or stay, and do it."""
        from planner.app.screens.changed import save_plan
        from planner.app.screens.confirm import ConfirmScreen

        detail = f"The changes to {self.path} are not saved yet."
        if self.restored_from is not None:
            detail += f" Quitting without saving leaves the recovered edits in {self.restored_from}."
        choice = await self.push_screen_wait(
            ConfirmScreen(
                "Quit with unsaved changes?",
                detail,
                [("save", "Save and quit"), ("discard", "Quit without saving"), ("cancel", "Cancel")],
            )
        )
        if choice == "save":
            save_plan(self, then=self.exit)
        elif choice == "discard":
            kept = self.keeper.discard()
            self.exit(message=Text(f"The recovered edits stay in {printable(kept)}.") if kept else None)

    def action_help(self) -> None:
        """Show the help screen."""
        from planner.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        # Help says the same all session (the keys in force are read at start), so it is made
        # once and kept: opening it again takes no composing and no laying out of its text.
        if not self.is_screen_installed("help"):
            self.install_screen(HelpScreen(), "help")
        self.push_screen("help")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command
