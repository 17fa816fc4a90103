"""No app module imports another project module inside a function: dependencies point one way at module level
(import-linter checks the direction), so a cycle is fixed by moving code, never hidden in a function body.

AppConfig.ready is Django's place for imports that register things once the apps are loaded.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

APPS = Path(settings.BASE_DIR) / "apps"
PROJECT_PACKAGES = ("apps", "config")


def _project_module(node: ast.Import | ast.ImportFrom) -> str | None:
    names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level:
        return "." * node.level + (node.module or "")  # relative: always this project's
    return next((name for name in names if name.split(".")[0] in PROJECT_PACKAGES), None)


def function_body_imports(path: Path) -> list[str]:
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom) and (module := _project_module(node)):
                found.append(f"{path.relative_to(APPS.parent)}:{node.lineno} imports {module} in {function.name}()")
    return found


def test_no_app_module_imports_a_project_module_inside_a_function():
    modules = [path for path in APPS.rglob("*.py") if not {"tests", "migrations"} & set(path.parts)]
    assert len(modules) > 100
    assert [found for path in sorted(modules) for found in function_body_imports(path)] == []
