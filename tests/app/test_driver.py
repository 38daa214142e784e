"""The planner's terminal driver outlives its terminal: writes to a terminal that has gone are dropped."""

import io

from planner.app.driver import TerminalOutput


class GoneTerminal(io.StringIO):
    """A terminal that went away after `room` characters: then every write fails as a tty's does."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.room:
            raise OSError(5, "Input/output error")
        return super().write(text)


def test_writes_after_the_terminal_went_away_are_dropped_without_an_error() -> None:
    terminal = GoneTerminal(room=10)
    output = TerminalOutput(terminal)
    output.write("\x1b[?1049h")
    output.flush()
    assert not output.gone
    output.write("a frame that no longer fits")  # the terminal has gone
    output.write("\x1b[?1049l")
    output.flush()
    assert output.gone and terminal.getvalue() == "\x1b[?1049h"


def test_a_closed_output_is_a_terminal_gone_too() -> None:
    terminal = io.StringIO()
    output = TerminalOutput(terminal)
    terminal.close()
    output.write("x")
    output.flush()
    assert output.gone
