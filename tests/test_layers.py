"""The top-level parts of src/diurna import one way and without cycles.

Layers, lowest first: the shared base (errors, model, settings, schema, knowledge), then
read -> clean -> annotate (nlp) -> extract -> resolve -> pipeline -> store -> engines and
the other back ends -> the interfaces (CLI, web server, dev tools). A module may import its
own part, a lower layer, or a part of its own layer that does not import it back; never a
higher layer. Imports under `if TYPE_CHECKING:` are not counted for layers (they never run).
A second check: no module imports another module's private name (`_x`), for types either.
A third: no two modules import each other, directly or round a longer loop, counting the
imports inside functions too (a lazy import hides a cycle, it does not remove it).

ALLOWED lists the leaks known today, each with why it is not fixed yet. The list may only
shrink: an entry that no longer occurs fails the test too, so remove it with the fix.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "diurna"

LAYERS = {
    "errors": 0, "model": 0, "settings": 0, "schema": 0, "knowledge": 0,
    "read": 1,
    "clean": 2,
    "nlp": 3, "lemma_cache": 3, "blas": 3,  # annotate
    "extract": 4,
    "resolve": 5,
    "pipeline": 6,
    "store": 7,
    "engines": 8, "evaluate": 8, "bench": 8, "render": 8, "summary": 8, "tables": 8,
    "server": 9, "cli": 9, "cli_store": 9, "cli_spark": 9, "dev": 9, "__init__": 9,
}

# (importing module, imported module) -> why the leak stays for now. Only ever remove.
ALLOWED: dict[tuple[str, str], str] = {
    # The spark-submit application file is documented (README, its docstring) at
    # diurna/engines/spark_app.py and runs the `diurna spark` CLI.
    ("diurna.engines.spark_app", "diurna.cli_spark"): "spark-submit entry point",
}


# Module import cycles known today (sets of modules), each with why it is not fixed yet.
# Only ever remove: an entry that no longer occurs fails the test too.
ALLOWED_CYCLES: dict[frozenset[str], str] = {
    # clean.py re-exports the layout comparison, which calls clean_one back lazily.
    frozenset({"diurna.evaluate.clean", "diurna.evaluate.clean_compare"}): "evaluate/clean owner to split",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in SRC.rglob("*.py")}


def part(module: str) -> str:
    """The top-level part of a module: diurna.extract.times -> extract, diurna -> __init__."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def _type_only(tree: ast.Module) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            skip |= {id(n) for sub in node.body for n in ast.walk(sub)}
    return skip


def _resolve(target: str) -> str:
    """The module an import names: the longest prefix that is a module of diurna."""
    while target not in modules() and "." in target:
        target = target.rsplit(".", 1)[0]
    return target


@cache
def imports(type_only: bool = False) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(importer, imported module, names taken from it) for every import inside diurna
    that runs (with `type_only`, those under `if TYPE_CHECKING:` too). The package root is
    left out: every submodule's import runs it first anyway (it holds `__version__`)."""
    out = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text("utf-8"))
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        skip = set() if type_only else _type_only(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                out += [(name, _resolve(a.name), ()) for a in node.names if a.name.startswith("diurna")]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("diurna"):
                    continue
                names = tuple(a.name for a in node.names)
                # `from . import x` and `from .pkg import mod` import modules
                subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules()]
                out += [(name, s, ()) for s in subs]
                rest = tuple(n for n in names if f"{target}.{n}" not in modules())
                if rest or not subs:
                    out.append((name, _resolve(target), rest))
    return tuple((a, b, n) for a, b, n in out if b != "diurna")


def _edges() -> set[tuple[str, str]]:
    return {(a, b) for a, b, _ in imports()}


def test_layers_every_part_has_a_layer():
    assert {part(m) for m in modules()} <= set(LAYERS), "give a new top-level part its layer in LAYERS"


def test_layers_no_import_reaches_up():
    upward = {(a, b) for a, b in _edges() if LAYERS[part(b)] > LAYERS[part(a)]}
    assert sorted(upward - set(ALLOWED)) == [], "an import from a lower layer into a higher one"


def test_layers_allow_list_only_shrinks():
    assert sorted(set(ALLOWED) - _edges()) == [], "a fixed leak is still in ALLOWED: remove it"


def test_layers_no_cycles_between_parts():
    graph: dict[str, set[str]] = {}
    for a, b in _edges() - set(ALLOWED):
        if part(a) != part(b):
            graph.setdefault(part(a), set()).add(part(b))

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                todo += graph.get(node, ())
        return False

    cycles = sorted((a, b) for a, targets in graph.items() for b in targets if reaches(b, a))
    assert cycles == [], "top-level parts that import each other"


def test_layers_no_private_name_crosses_modules():
    private = sorted((a, b, n) for a, b, names in imports(type_only=True) for n in names
                     if n.startswith("_") and not n.startswith("__") and a != b)
    assert private == [], "a module imports another module's private name"


def module_cycles() -> set[frozenset[str]]:
    """The strongly connected groups of modules in the import graph (Tarjan's algorithm):
    each group of two or more is a cycle."""
    graph: dict[str, set[str]] = {}
    for a, b, _ in imports():
        if a != b:
            graph.setdefault(a, set()).add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: set[frozenset[str]] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.add(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_layers_no_import_cycles_between_modules():
    new = module_cycles() - set(ALLOWED_CYCLES)
    assert sorted(sorted(c) for c in new) == [], "modules that import each other (maybe lazily)"


def test_layers_allowed_cycles_only_shrink():
    fixed = set(ALLOWED_CYCLES) - module_cycles()
    assert sorted(sorted(c) for c in fixed) == [], "a fixed cycle is still in ALLOWED_CYCLES: remove it"


def test_layers_cycle_finder_sees_a_lazy_loop(monkeypatch):
    fake = (("m.a", "m.b", ()), ("m.b", "m.c", ()), ("m.c", "m.a", ()), ("m.c", "m.d", ()))
    monkeypatch.setattr(sys.modules[__name__], "imports", lambda type_only=False: fake)
    assert module_cycles() == {frozenset({"m.a", "m.b", "m.c"})}
