"""The core and the command line import no Textual or Rich, so that `planner check` starts fast."""

from __future__ import annotations

import subprocess
import sys

CORE_AND_CLI = [
    "planner.cli",
    "planner.cli.options",
    "planner.cli.check",
    "planner.cli.plans",
    "planner.cli.advisor",
    "planner.cli.app",
    "planner.core.catalog",
    "planner.core.digest",
    "planner.core.model",
    "planner.core.nextsteps",
    "planner.core.packs",
    "planner.core.packs.hit_2008",
    "planner.core.packs.hit_2026",
    "planner.core.starter",
    "planner.core.storage",
    "planner.core.terms",
    "planner.core.text",
    "planner.core.validate",
]


def test_core_and_cli_import_no_terminal_library() -> None:
    code = (
        "import sys, pkgutil, importlib, planner.core\n"
        f"for name in {CORE_AND_CLI!r}: importlib.import_module(name)\n"
        "for info in pkgutil.iter_modules(planner.core.__path__, 'planner.core.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_planner_check_does_not_import_the_app_or_tomli_w(tmp_path) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text('format = "hit-career-plan/1"\n[profile]\ngoal = "rhit"\nstarts = "2027-fall"\n')
    code = (
        "import sys\nfrom planner.cli import main\n"
        f"main(['check', {str(plan)!r}])\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'tomli_w', 'argparse', 'dataclasses'))), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip() == ""
