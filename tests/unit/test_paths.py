"""The per-user plan path (planner.core.paths) on each system."""

from planner.core.paths import make_folder_for, user_plan_path


def test_linux_uses_xdg_data_home():
    path = user_plan_path({"XDG_DATA_HOME": "/data"}, "linux", "/home/a")
    assert path == "/data/planner/plan.toml"


def test_linux_without_xdg_or_with_a_relative_one_uses_local_share():
    assert user_plan_path({}, "linux", "/home/a") == "/home/a/.local/share/planner/plan.toml"
    assert (
        user_plan_path({"XDG_DATA_HOME": "rel"}, "linux", "/home/a")
        == "/home/a/.local/share/planner/plan.toml"
    )


def test_macos_uses_application_support():
    path = user_plan_path({}, "darwin", "/Users/a")
    assert path == "/Users/a/Library/Application Support/planner/plan.toml"


def test_windows_uses_appdata():
    assert user_plan_path({"APPDATA": "C:/Users/a/AppData/Roaming"}, "win32", "C:/Users/a").startswith(
        "C:/Users/a/AppData/Roaming"
    )


def test_make_folder_for_creates_the_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "plan.toml"
    make_folder_for(str(path))
    assert path.parent.is_dir()


def test_the_stylesheets_are_found():
    from planner.app.app import PlannerApp, styles_folder

    assert (styles_folder() / "app.tcss").is_file()
    assert all(path.is_file() for path in PlannerApp.CSS_PATH)


def test_a_name_to_write_is_refused_in_one_sentence_when_empty_a_folder_or_in_no_folder(tmp_path):
    from planner.core.paths import name_problem

    assert name_problem("") == "Write the name of a file."
    assert name_problem("", "a plan file") == "Write the name of a plan file."
    assert name_problem(str(tmp_path)) == f"{tmp_path} is a folder; write the name of a file in it."
    missing = tmp_path / "nowhere" / "plan.toml"
    assert name_problem(str(missing)) == f"The folder {tmp_path / 'nowhere'} does not exist."
    assert name_problem(str(tmp_path / "plan.toml")) is None  # a new file in a folder that exists
