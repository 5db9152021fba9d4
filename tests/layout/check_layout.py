#!/usr/bin/env python3
"""Checks the house rules that the compiler alone does not keep (ARCHITECTURE.md).

usage: check_layout.py REPO

- each file of src/<stage>/ and include/revue/<stage>/ includes only headers of its own stage
  and of the stages below it (output: core alone);
- no two modules (a header and its source) include each other, directly or through others;
- core/ and output/ never include <xapian.h>, so no printer header reaches Xapian;
- every header starts with a comment line saying what it is for;
- no file of src/ or include/ is longer than 400 lines, unless its first lines say why it is
  one piece (the words "one piece").
Prints one line per breach and exits 1 when there is any.
"""
import re
import sys
from pathlib import Path

STAGES = ["core", "source", "readers", "analysis", "index", "search", "output", "app", "cli"]
# What each stage may include besides itself.
ALLOWED = {stage: set(STAGES[:i]) for i, stage in enumerate(STAGES)}
ALLOWED["output"] = {"core"}
NO_XAPIAN = {"core", "output"}
MAX_LINES = 400
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def stage_of(path, repo):
    rel = path.relative_to(repo).parts
    if rel[0] == "src":
        return rel[1]
    return rel[2]  # include/revue/<stage>/...


def module_of(path, repo):
    """A header and its source are one module: 'stage/name' (sub-folders kept)."""
    rel = path.relative_to(repo)
    parts = rel.parts[1:] if rel.parts[0] == "src" else rel.parts[2:]
    return str(Path(*parts).with_suffix(""))


def main():
    repo = Path(sys.argv[1]).resolve()
    files = sorted(p for p in (repo / "src").rglob("*") if p.suffix in (".cpp", ".hpp"))
    files += sorted((repo / "include" / "revue").rglob("*.hpp"))
    problems = []
    graph = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(repo)
        stage = stage_of(path, repo)
        if stage not in STAGES:
            problems.append(f"{rel}: not in a stage folder ({', '.join(STAGES)})")
            continue
        module = module_of(path, repo)
        for kind, target in INCLUDE.findall(text):
            if kind == "<" and target == "xapian.h" and stage in NO_XAPIAN:
                problems.append(f"{rel}: {stage}/ must not include <xapian.h>")
            if kind != '"' or not target.startswith("revue/"):
                continue
            target_stage = target.split("/")[1]
            if target_stage != stage and target_stage not in ALLOWED[stage]:
                problems.append(f"{rel}: {stage}/ includes {target} from {target_stage}/, "
                                f"which is not below it")
            target_module = str(Path(*Path(target).parts[1:]).with_suffix(""))
            if target_module != module:
                graph.setdefault(module, set()).add(target_module)
        lines = text.count("\n")
        if lines > MAX_LINES and "one piece" not in "\n".join(text.splitlines()[:8]):
            problems.append(f"{rel}: {lines} lines (at most {MAX_LINES}, or say at the top why "
                            f"it is one piece)")
        if path.suffix == ".hpp" and not text.startswith("//"):
            problems.append(f"{rel}: a header starts with a line saying what it is for")

    # Modules that reach each other: a cycle in the module graph.
    state = {}
    stack = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt):] + [nxt]
                problems.append("modules include each other: " + " -> ".join(cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)

    for problem in problems:
        print(problem)
    print(f"layout: {len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
