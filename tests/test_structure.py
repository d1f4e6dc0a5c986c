"""The code's shape: dependencies point one way, views stay short, modules stay readable."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_APPS = ["organisations", "commitments", "reporting"]
# reporting → commitments → organisations; `avoin` wires them together (DESIGN.md).
MAY_NOT_IMPORT = {
    "organisations": {"commitments", "reporting"},
    "commitments": {"reporting"},
    "reporting": set(),
}
MAX_VIEW_LINES = 40
MAX_MODULE_LINES = 400


def python_files(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def top(module):
    return module.split(".")[0]


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_dependencies_point_one_way(app):
    wrong = {
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files(app)
        for module in imported_modules(path)
        if top(module) in MAY_NOT_IMPORT[app]
    }
    assert not wrong


def test_avoin_helpers_that_apps_import_know_no_domain_app():
    used = {
        module
        for path in python_files(*DOMAIN_APPS)
        for module in imported_modules(path)
        if top(module) == "avoin"
    }
    helpers = {
        ROOT / (module.replace(".", "/") + ".py")
        for module in used
        if (ROOT / (module.replace(".", "/") + ".py")).exists()
    }
    assert helpers, "the apps import avoin's helpers"
    wrong = {
        f"{path.relative_to(ROOT)} imports {module}"
        for path in helpers
        for module in imported_modules(path)
        if top(module) in DOMAIN_APPS
    }
    assert not wrong


def view_modules():
    for path in python_files(*DOMAIN_APPS, "avoin"):
        if path.name.endswith("views.py") or "views" in path.parent.name:
            yield path


def test_views_read_like_a_table_of_contents():
    long = []
    for path in view_modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                if node.end_lineno - start + 1 > MAX_VIEW_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert not long


def test_no_module_is_too_long_to_read():
    long = [
        f"{path.relative_to(ROOT)}: {lines}"
        for path in python_files(*DOMAIN_APPS, "avoin", "tests")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not long
