"""A timeline of duties per platform type: when each duty started (and stopped) binding, on which provision.

One entry per duty and legal basis (an amended law gives two: the old text up to the day before the new one), and
one per proposal of the paper that later law enacted, dated by the enacting provision. Proposals never enacted are
listed without a date. The same data as a chart (ui-b draws it), CSV or JSON.

    timeline(["face-swap application", "video-sharing platform"])
    -> Timeline(entries=[TimelineEntry(type, type_label, duty, duty_label, kind, start, end, provision, ...)])
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, fields

from rdflib import URIRef

from .build import KnowledgeGraph, get_kg
from .duties import _as_iris, all_duties_for
from .namespaces import DFK
from .terms import label
from .validity import validity_for

LAW = "in force"  # kind of entry: a provision binding over a period
ENACTED = "proposed, since enacted"  # a proposal of the paper, made law (in whole or part) from `start`
PROPOSED = "proposed"  # a proposal never enacted: no date


@dataclass
class TimelineEntry:
    type: str
    type_label: str
    duty: str
    duty_label: str
    kind: str  # LAW, ENACTED or PROPOSED
    start: str | None  # ISO date; None: not recorded (or never, for a proposal)
    end: str | None  # the last day it bound, if it stopped
    provision: str  # the provision the entry is dated by (the enacting one, for a proposal)
    provision_label: str
    instrument_label: str
    jurisdiction: str
    beyond_paper: bool
    extent: str = ""  # for a proposal since enacted: "in whole" or "in part"


@dataclass
class Timeline:
    types: list[str]
    entries: list[TimelineEntry]

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = []
        for entry in self.entries:
            span = f"{entry.start or '—':10} {('to ' + entry.end) if entry.end else '':13}"
            extent = f" ({entry.extent})" if entry.extent else ""
            lines.append(f"{entry.type_label[:28]:28}  {span}  [{entry.kind}{extent}] {entry.duty_label} — {entry.provision_label}")
        return "\n".join(lines)

    def to_csv(self) -> str:
        out = io.StringIO()
        names = [f.name for f in fields(TimelineEntry)]
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(asdict(e) for e in self.entries)
        return out.getvalue()


def timeline(types, kg: KnowledgeGraph | None = None, lang: str = "en") -> Timeline:
    """For each of `types` (a platform of that type alone), every duty it ever has, by date."""
    kg = kg or get_kg()
    g = kg.closure
    types = _as_iris(types, kg)
    entries = []
    for platform_type in types:
        type_label = label(g, platform_type, lang)
        # Which duties attach does not depend on the day; each entry's dates come from its provision.
        for row in all_duties_for([platform_type], kg, dt.date.today()):
            duty = URIRef(row.duty)
            common = dict(type=str(platform_type), type_label=type_label, duty=row.duty, duty_label=label(g, duty, lang),
                          jurisdiction=", ".join(sorted(j.label for j in row.jurisdictions)), beyond_paper=row.beyond_paper)
            if (duty, DFK.normativeStatus, DFK.LexFerenda) in g:
                entries += _proposal_entries(kg, duty, common, lang)
                continue
            for basis in row.legal_basis:
                entries.append(TimelineEntry(**common, kind=LAW, start=basis.in_force_from, end=basis.in_force_until,
                                             provision=basis.provision.iri, provision_label=label(g, URIRef(basis.provision.iri), lang),
                                             instrument_label=_instrument(kg, URIRef(basis.provision.iri), lang)))
    entries.sort(key=lambda e: (e.type_label, e.start is None, e.start or "", e.duty_label))
    return Timeline([str(t) for t in types], entries)


def _proposal_entries(kg: KnowledgeGraph, duty: URIRef, common: dict, lang: str) -> list[TimelineEntry]:
    g, validity = kg.closure, validity_for(kg)
    entries = []
    for predicate, extent in ((DFK.enactedInWholeBy, "in whole"), (DFK.enactedInPartBy, "in part")):
        for provision in sorted(g.objects(duty, predicate)):
            period = validity.period(provision)
            entries.append(TimelineEntry(**common, kind=ENACTED, start=period.to_dict()["in_force_from"],
                                         end=period.to_dict()["in_force_until"], provision=str(provision),
                                         provision_label=label(g, provision, lang),
                                         instrument_label=_instrument(kg, provision, lang), extent=extent))
    if not entries:
        proposal = next(iter(sorted(g.objects(duty, DFK.proposedIn))), None)
        entries.append(TimelineEntry(**common, kind=PROPOSED, start=None, end=None,
                                     provision=str(proposal or ""), provision_label=label(g, proposal, lang) if proposal else "",
                                     instrument_label=""))
    return entries


def _instrument(kg: KnowledgeGraph, provision: URIRef, lang: str) -> str:
    g = kg.closure
    if (provision, DFK.partOf, None) not in g:
        return label(g, provision, lang)
    instruments = sorted(i for i in g.objects(provision, DFK.partOf) if (i, DFK.jurisdiction, None) in g)
    return label(g, instruments[0], lang) if instruments else ""
