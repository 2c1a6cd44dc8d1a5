"""The build report: counts, unmatched and ambiguous names, fixes applied."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BuildReport:
    counts: dict[str, int | float | str] = field(default_factory=dict)
    fixes: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    gaps: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    # wall-clock seconds per step: printed by `atlas build-data`, kept out of the written report
    # (and SOURCES.md) so the build stays byte-stable
    timings: dict[str, float] = field(default_factory=dict)

    def time(self, key: str, seconds: float) -> None:
        self.timings[key] = round(float(seconds), 2)

    def render_timings(self) -> str:
        return "\n".join(["-- timings (s)"] + [f"  {k}: {v}" for k, v in self.timings.items()])

    def count(self, key: str, value) -> None:
        self.counts[key] = value

    def gap(self, kind: str, item: str) -> None:
        self.gaps.setdefault(kind, []).append(item)

    def section(self, title: str, lines: list[str]) -> None:
        self.sections[title] = list(lines)

    def render(self) -> str:
        lines = ["== atlas build-data report =="]
        lines.append("-- counts")
        lines += [f"  {k}: {v}" for k, v in self.counts.items()]
        lines.append(f"-- fixes applied ({len(self.fixes)})")
        lines += [f"  {f}" for f in self.fixes]
        lines.append(f"-- ambiguous names ({len(self.ambiguous)})")
        lines += [f"  {a}" for a in self.ambiguous]
        lines.append(f"-- unmatched names ({len(self.unmatched)})")
        lines += [f"  {u}" for u in self.unmatched]
        for kind, items in self.gaps.items():
            lines.append(f"-- gaps: {kind} ({len(items)})")
            lines += [f"  {i}" for i in items]
        for title, items in self.sections.items():
            lines.append(f"-- {title} ({len(items)})")
            lines += [f"  {i}" for i in items]
        if self.notes:
            lines.append("-- notes")
            lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)
