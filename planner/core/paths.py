"""Where the person's own plan lives when `planner` is run without a file.

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
