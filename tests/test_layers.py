"""The package's layers: each module imports only modules of its own layer or of a layer below,
the core imports no CLI and no terminal code, and every module has its layer.

Data flows one way (load → check → query → render, README "How it is built"); an import up the
layers would let it flow back. Imports inside functions (the CLI's lazy imports) count too.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "reintegration_plan"

LAYERS: tuple[tuple[str, ...], ...] = (
    # foundations: no domain knowledge
    (
        "__init__",
        "errors",
        "syntax_hints",
        "yamlio",
        "yamlout",
        "problems",
        "problem_codes",
        "characters",
        "spelling",
        "i18n",
        "outfile",
        "infile",
        "embedded",
    ),
    # the schema and the act's text rules
    (
        "models",
        "conventions",
        "act_text",
        "act_blocks",
        "act_html",
        "act_markdown",
        "act_formats",
        "act_names",
        "numbering",
        "reporting",
        "deadlines",
    ),
    # the domain, its checks and its schema
    ("plan", "text_checks", "checks", "source_check", "schemas", "draft"),
    # reading files into the domain
    ("loader",),
    # the obligations a plan creates, where each stands, the plans loaded together
    ("obligations", "status", "plan_set"),
    # progress records, the plan and the records kept between runs, what users type, validating
    # files, finding the plans
    (
        "progress",
        "snapshot",
        "inputs",
        "related_files",
        "source_files",
        "validation",
        "plan_folders",
    ),
    # queries and the data of what is published
    ("queries", "record", "importing", "report", "timeline", "ical", "submission"),
    # renderers keyed by format name
    (
        "query_json",
        "layout",
        "tables",
        "report_formats",
        "timeline_view",
        "problem_formats",
        "svg",
        "gantt",
        "workbook",
        "submission_formats",
    ),
    # the command line
    (
        "__main__",
        "launch",
        "cli",
        "cli.app",
        "cli.help",
        "cli.usage",
        "cli.options",
        "cli.check",
        "cli.imports",
        "cli.queries",
        "cli.record",
        "cli.publish",
    ),
)
LAYER = {name: n for n, names in enumerate(LAYERS) for name in names}
RENDERERS = LAYER["tables"]
CLI = LAYER["cli"]
TERMINAL_AND_CLI = ("rich", "typer", "click")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if len(parts) > 1 and parts[-1] == "__init__":
        parts = parts[:-1]  # cli/__init__.py is the module cli
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The package's modules and the outside top-level packages ``path`` imports anywhere."""
    name = module_name(path)
    is_package = path.name == "__init__.py"
    return imports_in(path.read_text(encoding="utf-8"), name, is_package=is_package)


def imports_in(text: str, name: str, *, is_package: bool = False) -> set[str]:
    """What the module ``name`` whose source is ``text`` imports (relative imports resolved)."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    if name == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.add((node.module or "").split(".")[0])
                continue
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if node.module is None:  # from . import a, b
                found.update(".".join([*base, alias.name]) for alias in node.names)
            else:
                found.add(target)
    return found


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def test_every_module_has_a_layer() -> None:
    assert sorted(set(MODULES) - set(LAYER)) == []
    assert sorted(set(LAYER) - set(MODULES)) == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_goes_up_a_layer(name: str) -> None:
    found = imports(MODULES[name])
    own = [module for module in found if module in LAYER]
    above = sorted(module for module in own if LAYER[module] > LAYER[name])
    assert above == [], f"{name} (layer {LAYER[name]}) imports from above: {above}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if LAYER[n] < RENDERERS))
def test_the_core_imports_no_terminal_or_cli_code(name: str) -> None:
    found = imports(MODULES[name])
    assert sorted(found & set(TERMINAL_AND_CLI)) == []
    assert sorted(m for m in found if m in LAYER and LAYER[m] >= CLI) == []


def test_the_check_sees_imports_at_any_depth() -> None:
    """The checker itself: relative imports inside functions, from the package and from a
    subpackage, and outside packages."""
    text = (
        "import rich.table\ndef f():\n    from .tables import render\n    from ..loader import x\n"
    )
    assert imports_in(text, "checks") == {"rich", "tables", "loader"}
    assert imports_in(text, "cli.app") == {"rich", "cli.tables", "loader"}
    assert imports_in("from . import check, app\n", "cli", is_package=True) == {
        "cli.check",
        "cli.app",
    }


ROOT = PACKAGE.parents[1]
OWN_CODE = sorted(
    [
        *PACKAGE.rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "bench").rglob("*.py"),
        ROOT / "hatch_build.py",
    ]
)
OURS = {"reintegration_plan"} | {
    path.stem for folder in ("tests", "bench") for path in (ROOT / folder).glob("*.py")
}


def private_imports(text: str) -> list[str]:
    """The private modules and names of outside packages that ``text`` imports: any part
    after the package's own name that starts with ``_`` (``typer._click``, ``from yaml
    import _yaml``). The standard library's own (``_thread``) and our modules are not counted."""
    found: list[str] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            dotted = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            dotted = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in dotted:
            top, *rest = name.split(".")
            if top in sys.stdlib_module_names or top in OURS:
                continue
            if top.startswith("_") or any(part.startswith("_") for part in rest):
                found.append(name)
    return sorted(set(found))


@pytest.mark.parametrize("path", OWN_CODE, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_private_module_of_an_outside_package_is_imported(path: Path) -> None:
    """Issue 8: typer's vendored click (``typer._click``), libyaml's ``yaml._yaml`` and the
    like may change in any release; only what the packages publish is used."""
    assert private_imports(path.read_text(encoding="utf-8")) == []


def test_the_private_import_check_sees_them() -> None:
    text = (
        "from __future__ import annotations\nimport _thread\nimport typer.core\n"
        "from typer.core import TyperGroup, _TyperParameter\nimport yaml._yaml as y\n"
        "def f():\n    from typer._click.exceptions import UsageError\n"
        "    from typer import _click, Context\n    from . import _private\n"
        "    from reintegration_plan import _ours\n"
    )
    assert private_imports(text) == [
        "typer._click",
        "typer._click.exceptions",
        "typer._click.exceptions.UsageError",
        "typer.core._TyperParameter",
        "yaml._yaml",
    ]
