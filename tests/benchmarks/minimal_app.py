"""The yardstick for start-up: the smallest Textual app that draws a frame."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    """One line of text."""

    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")


if __name__ == "__main__":
    Minimal().run()
