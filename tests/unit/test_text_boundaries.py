"""Where plan text could turn into markup or terminal commands: a scan of the app's source.

Textual parses markup in Static, Label, Button, OptionList prompts, border titles, notify and
exit messages when they are given a `str`. The app passes them `Text` or `Content` (plain) built
from `printable(...)` text. This scan fails on the patterns that would let a plan's string be
read as markup: an f-string, a concatenation or a `str.format` handed to one of those, a markup
constant, `markup=True`, `from_markup`. Plain variables are not judged here; what they hold was
reviewed by hand (the report lists each place), and the Pilot and real-terminal tests show the
screens.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "planner" / "app"

MARKUP_TAKERS = {
    "Static",
    "Label",
    "Button",
    "Option",
    "Checkbox",
    "RadioButton",
    "Collapsible",
    "Tab",
    "Link",
}
"""Widgets whose first argument (a str) is parsed as markup."""
MARKUP_METHODS = {"update": 0, "add_option": 0, "replace_option_prompt": 1, "set_option_prompt": 1}
"""Methods that take markup, and which of their arguments is it."""
MARKUP_ATTRIBUTES = {"border_title", "border_subtitle", "title", "sub_title", "tooltip"}


def risky(node: ast.AST | None) -> bool:
    """True for a string built in place (it may hold plan text) or a constant holding markup."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return risky(node.left) or risky(node.right) or isinstance(node.left, ast.Constant)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    if isinstance(node, ast.IfExp):
        return risky(node.body) or risky(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "[" in node.value
    return False


def name_of(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def findings(source: str, filename: str) -> list[str]:
    """Every risky place in one module, as "file:line: what"."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            name = name_of(node.func)
            for keyword in node.keywords:
                if (
                    keyword.arg == "markup"
                    and isinstance(keyword.value, ast.Constant)
                    and keyword.value.value
                ):
                    found.append(f"{where}: markup=True")
            if name in ("from_markup", "render_str"):
                found.append(f"{where}: {name}() parses markup")
            arguments = list(node.args)
            if name in MARKUP_TAKERS and arguments and risky(arguments[0]):
                found.append(f"{where}: {name}() given a built string")
            position = MARKUP_METHODS.get(name)
            if position is not None and len(arguments) > position and risky(arguments[position]):
                found.append(f"{where}: .{name}() given a built string")
            for keyword in node.keywords:
                if (
                    keyword.arg in ("label", "prompt", "title")
                    and name in MARKUP_TAKERS
                    and risky(keyword.value)
                ):
                    found.append(f"{where}: {name}({keyword.arg}=...) given a built string")
            if name == "exit":
                for keyword in node.keywords:
                    if keyword.arg == "message" and (
                        risky(keyword.value)
                        or (isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str))
                    ):
                        found.append(f"{where}: exit(message=str) is printed as markup; give it Text")
            if name == "print":
                found.append(f"{where}: print() from the app")
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr in MARKUP_ATTRIBUTES
                    and risky(node.value)
                ):
                    found.append(f"{where}: .{target.attr} = a built string")
    return found


def app_modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", app_modules(), ids=lambda path: str(path.relative_to(APP)))
def test_no_plan_text_can_reach_a_markup_parser(path: Path) -> None:
    assert findings(path.read_text(), str(path.relative_to(APP))) == []


@pytest.mark.parametrize(
    "line",
    [
        'Static(f"{item.id}")',
        'Label("[b]" + name)',
        'self.query_one(Static).update(f"{plan.title}")',
        'self.border_title = f"{plan.title}"',
        'Static("x", markup=True)',
        "Text.from_markup(title)",
        'self.exit(message=f"kept in {path}")',
        'Button("{}".format(title))',
        'self.add_option(Option(f"{step.name}"))',
    ],
)
def test_the_scan_finds_each_risky_pattern(line: str) -> None:
    assert findings(line, "sample.py"), f"not found: {line}"


@pytest.mark.parametrize(
    "line",
    [
        "Static(Text(printable(item.id)))",
        'Static("Save the plan as")',
        'self.border_subtitle = Content(f"{count} items")',
        'self.exit(message=Text(f"kept in {printable(path)}"))',
        'self.notify(f"Deleted {item.id}")',  # App.notify makes every notice plain and printable
    ],
)
def test_the_scan_lets_plain_text_through(line: str) -> None:
    assert findings(line, "sample.py") == []
