"""Where files go: the person's own plan when `planner` is run without a file, and whether a
name a person typed can be a file to write or read.

The standard per-user data folder of each system, with no dependency: `$XDG_DATA_HOME` (or
`~/.local/share`) on Linux and other Unix systems, `~/Library/Application Support` on macOS,
`%APPDATA%` on Windows; the plan is `planner/plan.toml` in it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

APP_FOLDER = "planner"
PLAN_FILE = "plan.toml"


def _user_folder(
    variable: str,
    usual: tuple[str, ...],
    mac: tuple[str, ...] | None,
    environ: Mapping[str, str] | None,
    platform: str | None,
    home: str | None,
) -> str:
    """A per-user folder: `%APPDATA%` on Windows, `~/<mac>` on macOS when it has one of its own,
    else `$<variable>` when it is an absolute path, else `~/<usual>`."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    home = home or os.path.expanduser("~")
    if platform.startswith("win"):
        appdata = environ.get("APPDATA")
        return appdata if appdata else os.path.join(home, "AppData", "Roaming")
    if platform == "darwin" and mac is not None:
        return os.path.join(home, *mac)
    xdg = environ.get(variable, "")
    # The XDG spec says a relative path is invalid and is to be ignored.
    return xdg if os.path.isabs(xdg) else os.path.join(home, *usual)


def user_data_folder(
    environ: Mapping[str, str] | None = None, platform: str | None = None, home: str | None = None
) -> str:
    """The folder this system keeps a user's application data in (the planner's folder is in it)."""
    return _user_folder(
        "XDG_DATA_HOME", (".local", "share"), ("Library", "Application Support"), environ, platform, home
    )


def user_config_folder(
    environ: Mapping[str, str] | None = None, platform: str | None = None, home: str | None = None
) -> str:
    """The folder this system keeps a user's settings in (the planner's folder is in it; on macOS
    too `~/.config`, where terminal programs keep theirs)."""
    return _user_folder("XDG_CONFIG_HOME", (".config",), None, environ, platform, home)


def user_plan_path(
    environ: Mapping[str, str] | None = None, platform: str | None = None, home: str | None = None
) -> str:
    """The person's own plan: `<data folder>/planner/plan.toml`."""
    return os.path.join(user_data_folder(environ, platform, home), APP_FOLDER, PLAN_FILE)


def make_folder_for(path: str) -> None:
    """Create the folder a file is to be written in (and its parents), private to the user."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, mode=0o700, exist_ok=True)


def name_problem(path: str, what: str = "a file") -> str | None:
    """Why `path` (as typed, `~` expanded by the caller) cannot name `what` to write or read, in a
    sentence, or None: it is empty, it is a folder, or its folder does not exist. The dialogs
    that ask for a file (Save as, Export report, Compare) say these the same way."""
    if not path:
        return f"Write the name of {what}."
    if os.path.isdir(path):
        return f"{path} is a folder; write the name of {what} in it."
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"The folder {folder} does not exist."
    return None
