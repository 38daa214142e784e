"""The footer: Textual's, but a key that does not fit whole is left out rather than cut ("^s Sav").

Textual's footer lays its keys out in a row and crops the row at the screen's edge. Here, once
the keys are laid out, those that would run past the command palette's key (docked at the right)
are hidden, so the footer ends with whole keys at every width; F1 (help) lists them all.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class FittingFooter(Footer):
    """A footer that shows only the keys that fit whole."""

    def bindings_changed(self, screen) -> None:
        # Under a dialog, the main screen's keys are not on screen: redrawing them there cost a
        # recompose each time a dialog opened. They are drawn again when its screen is back.
        if self.is_attached and self.app.screen is not self.screen:
            return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit)

    async def on_resize(self) -> None:
        await self.recompose()  # every key again, then as many as fit at the new width

    def fit(self) -> None:
        """Hide the keys (and groups) that run past the right edge, less the palette's key."""
        if not self.is_attached:
            return
        right = self.content_region.right
        for child in self.children:
            if isinstance(child, FooterKey) and child.has_class("-command-palette"):
                right = min(right, child.region.x) if child.region.width else right
        shown = True
        for child in self.children:
            if isinstance(child, FooterKey) and child.has_class("-command-palette"):
                continue
            if not shown:
                child.display = False
                continue
            if child.region.width and child.region.right > right:
                child.display = False
                shown = False
