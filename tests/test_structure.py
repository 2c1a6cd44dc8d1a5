"""The package's import graph: data modules do not import each other in a circle, and the
catalogue of text reads no data."""

import ast
from pathlib import Path

ATLAS = Path(__file__).resolve().parents[1] / "atlas"


def _module(path: Path) -> str:
    rel = path.relative_to(ATLAS.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(nested: bool = True) -> dict[str, set[str]]:
    """atlas module -> the atlas modules it imports (at the top, and inside functions if nested)."""
    known = {_module(p) for p in ATLAS.rglob("*.py")}
    graph = {}
    for path in ATLAS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = ast.walk(tree) if nested else iter(tree.body)
        out = set()
        for node in nodes:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("atlas"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    out.add(sub if sub in known else node.module)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name.startswith("atlas"))
        graph[_module(path)] = {m for m in out if m in known} - {_module(path)}
    return graph


def reaches(graph, start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        for nxt in graph.get(m, ()):
            if nxt == goal:
                return True
            if nxt not in seen and nxt != "atlas":  # the package __init__ only re-exports
                seen.add(nxt)
                todo.append(nxt)
    return False


def test_io_and_editions_are_not_a_circle():
    g = imports(nested=True)
    assert "atlas.editions" in g["atlas.io"]  # io loads an edition through editions
    assert not reaches(g, "atlas.editions", "atlas.io")
    assert not reaches(g, "atlas.store", "atlas.io") and not reaches(g, "atlas.store", "atlas.editions")


def test_the_catalogue_reads_no_data():
    g = imports(nested=True)
    for data_module in ("atlas.io", "atlas.store", "atlas.editions", "atlas.names"):
        assert not reaches(g, "atlas.i18n", data_module), data_module
    assert reaches(g, "atlas.names", "atlas.store")


def test_data_modules_import_at_the_top():
    """No import inside a function of io/editions/names/store dodges a circle any more."""
    top, everything = imports(nested=False), imports(nested=True)
    for m in ("atlas.io", "atlas.editions", "atlas.names", "atlas.store"):
        late = {d for d in everything[m] - top[m] if d.startswith(("atlas.io", "atlas.editions", "atlas.store",
                                                                     "atlas.names", "atlas.i18n"))}
        assert not late, f"{m} imports {late} inside a function"
