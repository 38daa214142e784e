"""One plan being edited: its edit history, the file it belongs to, saving and reloading.

A `Session` is what the app edits, without the screen: it applies an edit, undoes and redoes,
tells whether the plan differs from its file, writes the plan and reads it again. Whoever shows
the plan subscribes a plain callback and hears of every `Change` (the app turns them into
redraws); nothing here knows about Textual, so tests drive a session as they drive the core.

Saving and reloading come in two halves for a caller that does the file work in a thread: the
half that touches the disk (`SaveJob.run`, `Session.read`) uses no state of the session, and the
half that takes the result in (`saved`, `reloaded`) runs where the edits are made. `save` and
`reload` do both at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.core import edits, storage
from planner.core.catalog import Pack
from planner.core.edits import Edit, History
from planner.core.model import Item, Plan
from planner.core.storage import Loaded, Saved

EDITED = "edited"
"""A `Change.kind`: an edit was made."""
UNDONE = "undone"
"""A `Change.kind`: an edit was undone."""
REDONE = "redone"
"""A `Change.kind`: an undone edit was made again."""
OPENED = "opened"
"""A `Change.kind`: another plan took the session's place (a new plan, restored edits)."""
SAVED = "saved"
"""A `Change.kind`: the plan was written (the session may belong to another file now)."""
RELOADED = "reloaded"
"""A `Change.kind`: the plan was read again from its file, the edits dropped."""


@dataclass(frozen=True)
class Change:
    """What changed in a session, for those that show it."""

    kind: str
    """One of EDITED, UNDONE, REDONE, OPENED, SAVED, RELOADED."""
    focus: Item | None = None
    """The item the change is about (for the cursor), if any."""
    edit: Edit | None = None
    """The edit made, undone or redone, if any."""

    @property
    def plan_changed(self) -> bool:
        """True when the plan itself changed (not only whether it is on disk)."""
        return self.kind != SAVED


@dataclass(frozen=True)
class SaveJob:
    """A save, taken from the session as it was asked for: `run` writes it from any thread."""

    plan: Plan
    """A snapshot of the plan, which later edits leave alone."""
    target: str
    """The file to write."""
    previous_text: str | None
    """The target's text as last read or written (None: another file, or a new plan)."""
    keep_previous: bool
    """Keep the file on disk now beside it (`PLAN.toml.~N~`) before writing over it."""
    state: Edit | None
    """The history's `next_undo` when the save began: that state is what reaches the disk."""
    make_folder: bool
    """Create the target's folder first (the user's own plan, whose folder may not exist yet)."""

    def run(self) -> Saved:
        """Write the plan; raises `PlanFileError` (an OSError is turned into one)."""
        try:
            if self.make_folder:
                from planner.core.paths import make_folder_for

                make_folder_for(self.target)
            return storage.save(self.plan, self.target, self.previous_text, keep_previous=self.keep_previous)
        except OSError as error:
            raise storage.PlanFileError(self.target, str(error)) from None


Listener = Callable[[Change], None]
"""A callback told of every change."""


class Session:
    """A plan being edited, its history, and the file it belongs to."""

    def __init__(self, path: str, loaded: Loaded | None = None, own_plan: bool = False) -> None:
        """Edit `loaded` (a plan read from `path`), or a new, empty plan for `path` when it is None.

        `own_plan` says `path` is the user's own plan in the per-user data folder (its folder is
        made when saving).
        """
        self.path = path
        """The file the plan belongs to."""
        self.own_plan = own_plan
        """`path` is the user's own plan, in the per-user data folder."""
        self.history = History(loaded.plan if loaded is not None else Plan())
        """The plan and the edits made to it."""
        self.disk_text: str | None = loaded.text if loaded is not None else None
        """The file's text as last read or written (None: not on disk yet)."""
        self.restored_from: str | None = None
        """The recovery file whose edits were restored, until they are saved (they count as unsaved)."""
        self.listeners: list[Listener] = []
        """Told of every change, in the order they subscribed."""
        self._pack: Pack | None = None
        self._pack_rules: str | None = None
        self.pack_problem: str | None = None
        """Why the pack the plan names could not be read, the last time it was (None: it was)."""

    # --- what it holds --------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The plan being edited."""
        return self.history.plan

    @property
    def version(self) -> int:
        """The history's version: it changes with every change to the plan."""
        return self.history.version

    @property
    def modified(self) -> bool:
        """True when there are changes that are not on disk."""
        return self.history.modified or self.disk_text is None or self.restored_from is not None

    @property
    def pack(self) -> Pack:
        """The rule pack the plan names (its `rules`), read again only when `rules` changes.

        A pack that cannot be read (a pack file removed meanwhile) leaves `pack_problem` set, and
        the default pack stands in until `rules` changes again.
        """
        from planner.core.packs import PackError, default_pack, pack_for_file

        rules = self.plan.rules
        if self._pack is None or self._pack_rules != rules:
            self._pack_rules = rules
            self.pack_problem = None
            try:
                self._pack = pack_for_file(self.plan, self.path)
            except PackError as error:
                self._pack = default_pack()
                self.pack_problem = str(error)
        return self._pack

    def subscribe(self, listener: Listener) -> None:
        """Tell `listener` of every change from now on."""
        self.listeners.append(listener)

    def _tell(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)

    # --- editing --------------------------------------------------------------------------------

    def apply(self, edit: Edit | None) -> Item | None:
        """Make an edit (None: nothing to change); returns the item it is about."""
        if edit is None:
            return None
        focus = self.history.do(edit)
        self._tell(Change(EDITED, focus, edit))
        return focus

    def undo(self) -> tuple[Edit, Item | None] | None:
        """Undo the last edit: (the edit, the item it was about), or None when there is none."""
        done = self.history.undo()
        if done is not None:
            self._tell(Change(UNDONE, done[1], done[0]))
        return done

    def redo(self) -> tuple[Edit, Item | None] | None:
        """Redo the last undone edit: (the edit, the item it is about), or None when there is none."""
        done = self.history.redo()
        if done is not None:
            self._tell(Change(REDONE, done[1], done[0]))
        return done

    def open(self, plan: Plan, restored_from: str | None = None) -> None:
        """Edit `plan` from now on, with a history of its own (a new plan's answers, or the edits
        kept in the recovery file `restored_from`, which count as unsaved until saved)."""
        self.history = History(plan)
        if restored_from is not None:
            self.restored_from = restored_from
        self._tell(Change(OPENED, plan.items[0] if plan.items else None))

    # --- the file -------------------------------------------------------------------------------

    def changed_on_disk(self, path: str | None = None) -> bool:
        """True when the plan's file (`path`, when it is that file) is not what the session last
        read or wrote there (or a file appeared where a new plan is to go, or it was removed)."""
        target = self.path if path is None else path
        return target == self.path and storage.changed_on_disk(target, self.disk_text)

    def save_job(self, target: str | None = None, keep_previous: bool = False) -> SaveJob:
        """What saving the plan as it is now to `target` (default: its own file) writes."""
        target = target or self.path
        same_file = target == self.path
        return SaveJob(
            plan=edits.snapshot(self.plan),
            target=target,
            previous_text=self.disk_text if same_file else None,
            keep_previous=keep_previous,
            state=self.history.next_undo,
            make_folder=same_file and self.own_plan,
        )

    def saved(self, job: SaveJob, saved: Saved) -> None:
        """Take in a save that `job` did: the session belongs to the file written from now on, and
        the state written counts as on disk (edits made meanwhile stay unsaved)."""
        self.path = saved.path
        self.disk_text = saved.text
        self.history.mark_saved(job.state)
        self.restored_from = None
        self._tell(Change(SAVED))

    def save(self, target: str | None = None, keep_previous: bool = False) -> Saved:
        """Write the plan to `target` (default: its own file) now; raises `PlanFileError`."""
        job = self.save_job(target, keep_previous)
        saved = job.run()
        self.saved(job, saved)
        return saved

    def read(self) -> Loaded:
        """The plan's file as it is on disk now; raises `PlanFileError`. Changes nothing."""
        return storage.load(self.path)

    def reloaded(self, loaded: Loaded) -> None:
        """Take in the file as `read` found it: its plan replaces the one edited, the edits dropped."""
        self.history = History(loaded.plan)
        self.disk_text = loaded.text
        self.restored_from = None
        self._tell(Change(RELOADED))

    def reload(self) -> Loaded:
        """Read the plan again from its file, dropping the edits; raises `PlanFileError`."""
        loaded = self.read()
        self.reloaded(loaded)
        return loaded
