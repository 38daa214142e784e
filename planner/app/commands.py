"""The command palette (ctrl+p, F10 or :): the planner's actions first, each with its key, then Textual's.

The entries come from the table of actions (`planner.app.actions`): the name, what it does and the
keys in force (a keymap file's keys when it gives others). An action that cannot act now (no item
selected, no next step) is listed after the others and says why. Textual's own commands (Keys,
Maximize, Screenshot, Theme) follow the planner's, from `App.get_system_commands`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from planner.app.actions import PaletteEntry, palette_entries, shown_keys, unavailable


class PlanCommands(Provider):
    """The planner's actions, run on the main screen; then the app's system commands."""

    def _available(self) -> bool:
        from planner.app.screens.main import MainScreen

        return isinstance(self.screen, MainScreen)

    def _runner(self, action: str) -> Callable[[], object]:
        return partial(self.screen.run_action, action)

    def _entries(self) -> list[tuple[PaletteEntry, str, str | None]]:
        """The planner's entries with their keys and why each cannot act now; those that can, first."""
        if not self._available():
            return []
        listed = []
        for entry in palette_entries():
            why = unavailable(self.screen, entry.rows[0])
            listed.append((entry, shown_keys(self.app, entry.rows, limit=2), why))
        return [each for each in listed if each[2] is None] + [each for each in listed if each[2] is not None]

    @staticmethod
    def _help(entry: PaletteEntry, why: str | None) -> str:
        return escape(f"Not now: {why}. {entry.tooltip}" if why else entry.tooltip)

    @staticmethod
    def _prompt(name: Content | str, keys: str, why: str | None) -> Content:
        prompt = Content(name) if isinstance(name, str) else name
        if why:
            prompt = prompt.stylize("dim")
        if keys:
            prompt = prompt + Content.styled(f"  {keys}", "bold $accent")
        return prompt

    def _system(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            (command.title, command.help, command.callback)
            for command in self.app.get_system_commands(self.screen)
        ]

    async def discover(self) -> Hits:
        for entry, keys, why in self._entries():
            yield DiscoveryHit(
                self._prompt(entry.name, keys, why),
                self._runner(entry.command),
                text=entry.name,
                help=self._help(entry, why),
            )
        for title, help_text, callback in self._system():
            yield DiscoveryHit(Text(title), callback, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry, keys, why in self._entries():
            score = matcher.match(entry.name)
            if score > 0:
                # A little ahead of Textual's commands of the same score; those that cannot act, behind.
                score = score * (0.5 if why else 1.0) + 0.001
                yield Hit(
                    min(score, 1.0),
                    self._prompt(matcher.highlight(entry.name), keys, why),
                    self._runner(entry.command),
                    text=entry.name,
                    help=self._help(entry, why),
                )
        for title, help_text, callback in self._system():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=escape(help_text))
