"""The record being built: a mutable draft that sentences fill in, turned into the contract's dict at the end.

Drafts carry bookkeeping the contract does not show (the program a project belongs to, whether
it came from the headline, construction-phase jobs) so that later sentences and the final
pass can decide what to inherit and what to merge.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    kind: str
    title: str
    position: int
    status: str | None = None
    sector: str | None = None
    regions: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    project_count: int | None = None
    investment_kzt: float | None = None
    investment_usd: float | None = None
    jobs: int | None = None
    jobs_construction: bool = False
    area_m2: float | None = None
    capacity: str | None = None
    period: str | None = None
    evidence: list[str] = field(default_factory=list)
    parent: "Draft | None" = None
    national: bool = False
    headline: bool = False
    borrowed_title: bool = False        # named after the headline: the clause itself said only "the project"
    context_period: str | None = None   # the period of the program the article named before this project
    listed: bool = False                # one item of a list of facilities in one sentence
    named_new: bool = False             # a headline's "new <facility> in <place>", no verb of its own

    def numbers(self) -> dict[str, float]:
        return {k: v for k, v in (("project_count", self.project_count), ("investment_kzt", self.investment_kzt),
                                  ("investment_usd", self.investment_usd), ("jobs", self.jobs), ("area_m2", self.area_m2))
                if v is not None}

    def add_evidence(self, text: str) -> None:
        if text not in self.evidence:
            self.evidence.append(text)

    def to_record(self) -> dict:
        def whole(v):
            return int(round(v)) if isinstance(v, float) and abs(v - round(v)) < 1e-6 else v
        return {
            "kind": self.kind, "title": self.title, "status": self.status, "sector": self.sector,
            "regions": list(self.regions), "companies": list(self.companies), "project_count": self.project_count,
            "investment_kzt": whole(self.investment_kzt), "investment_usd": whole(self.investment_usd), "jobs": self.jobs,
            "area_m2": whole(self.area_m2), "capacity": self.capacity, "period": self.period,
            "evidence": " … ".join(self.evidence),   # sentences from different places of the article
        }
