"""When the law binds: the dates of provisions, duties and sanctions, and a duty's status on a given day.

One rule, never written per duty (ontology/time.ttl): a provision binds from the LATEST start date stated on it
or on anything it belongs to (its article, its version of the text, its instrument: dfk:appliesFrom, else
dfk:effectiveFrom) until the EARLIEST dfk:noLongerInForceFrom stated on any of them. A duty in force binds on a
day when one of its legal bases binds on that day; a sanction, when the provision defining it does. A proposed
duty is "proposed" until a provision that enacts it (dfk:enactedBy) binds, and "proposed, since enacted" after.
queries/duties-on-date.rq states the same rule in SPARQL; tests/test_validity.py keeps the two equal.

A duty in force whose legal bases carry no start date anywhere (the paper states a present practice and cites no
dated provision) is "dates not recorded" on every day that no stated end has passed: shown, never counted as in
force on the day asked about, since that would presume a date from silence.

Status words (STATUSES): in force, dates not recorded, not yet in force, no longer in force, proposed, proposed,
since enacted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, URIRef

from .errors import KGError
from .i18n import N_
from .namespaces import DFK

# Marked for the catalogue: the values stay English (answers, JSON, URLs); a reader sees them translated.
IN_FORCE = N_("in force")
NOT_YET_IN_FORCE = N_("not yet in force")
NO_LONGER_IN_FORCE = N_("no longer in force")
UNDATED = N_("dates not recorded")  # no start date stated on the basis or what it belongs to: undetermined on a day
PROPOSED = N_("proposed")
PROPOSED_SINCE_ENACTED = N_("proposed, since enacted")
IN_WHOLE, IN_PART = N_("in whole"), N_("in part")  # how far a later provision made a proposal law
STATUSES = (IN_FORCE, UNDATED, NOT_YET_IN_FORCE, NO_LONGER_IN_FORCE, PROPOSED, PROPOSED_SINCE_ENACTED)
# What "which duties attach on a day" shows: the law of that day, the duties whose dates are not recorded (with
# that status, so a reader sees they may or may not bind that day) and the author's proposals.
ATTACHING = (IN_FORCE, UNDATED, PROPOSED, PROPOSED_SINCE_ENACTED)
# A duty with several bases takes the first of these its bases have on the day: one binding basis suffices, and a
# basis of unknown date may bind where a dated one does not yet.
_PRECEDENCE = (IN_FORCE, UNDATED, NOT_YET_IN_FORCE, NO_LONGER_IN_FORCE)

_STARTS = (DFK.appliesFrom, DFK.effectiveFrom)


def law_first(status: str) -> int:
    """A sort key for duties: the law binding on the day, then duties whose dates are not recorded, then the
    proposals (made law since or not)."""
    return {IN_FORCE: 0, UNDATED: 1}.get(status, 2)


def parse_day(value) -> dt.date:
    """A day from a date, an ISO string (YYYY-MM-DD) or None (today). Raises KGError in one sentence."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if text.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KGError(f"{text!r} is not a date: give it as YYYY-MM-DD, e.g. 2024-01-01.") from None


@dataclass(frozen=True)
class Period:
    """From `start` (inclusive) to `end` (the first day no longer in force); None = not recorded (start) / open (end)."""
    start: dt.date | None = None
    end: dt.date | None = None

    def status_on(self, day: dt.date) -> str:
        if self.end is not None and day >= self.end:
            return NO_LONGER_IN_FORCE
        if self.start is None:
            return UNDATED
        return NOT_YET_IN_FORCE if day < self.start else IN_FORCE

    def to_dict(self) -> dict:
        return {"in_force_from": _iso(self.start), "in_force_until": _iso(self.last_day)}

    @property
    def last_day(self) -> dt.date | None:
        return self.end - dt.timedelta(days=1) if self.end else None


@dataclass
class Enactment:
    provision: str
    provision_label: str
    extent: str  # "in whole" or "in part"
    in_force_from: str | None
    duties: list[dict] = field(default_factory=list)


@dataclass
class Timing:
    """A duty's standing on one day, with the dates it is derived from."""
    status: str
    in_force_from: str | None = None
    in_force_until: str | None = None  # the last day in force, if it ended
    enacted_by: list[Enactment] = field(default_factory=list)
    remains_proposed: str = ""


class Validity:
    """Dates of one graph's resources, computed once each and then only read."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._periods: dict[URIRef, Period] = {}

    def period(self, resource: URIRef) -> Period:
        found = self._periods.get(resource)
        if found is None:
            found = self._periods[resource] = self._compute(resource)
        return found

    def _compute(self, resource: URIRef) -> Period:
        g = self.graph
        holders = {resource, *g.objects(resource, DFK.partOf)}
        holders |= {v for h in list(holders) for v in g.objects(h, DFK.inVersion)}
        holders |= {v for h in list(holders) for v in g.objects(h, DFK.versionOf)}
        starts, ends = [], []
        for holder in holders:
            for predicate in _STARTS:
                starts += [_day(o) for o in g.objects(holder, predicate)]
            ends += [_day(o) for o in g.objects(holder, DFK.noLongerInForceFrom)]
        starts, ends = [d for d in starts if d], [d for d in ends if d]
        return Period(max(starts) if starts else None, min(ends) if ends else None)

    def binding_version(self, provision: URIRef, day: dt.date) -> URIRef | None:
        """`provision` if it binds on `day`, else the later version of it that does (dfk:previousVersion), else None."""
        seen, frontier = set(), [provision]
        while frontier:
            node = frontier.pop(0)
            if node in seen:
                continue
            seen.add(node)
            if self.period(node).status_on(day) == IN_FORCE:
                return node
            frontier += sorted(self.graph.subjects(DFK.previousVersion, node))
        return None

    def duty_period(self, duty: URIRef) -> Period:
        """The span over which any legal basis of the duty binds (gaps between versions are not expected)."""
        periods = [self.period(b) for b in self.graph.objects(duty, DFK.legalBasis)]
        if not periods:
            return Period()
        starts = [p.start for p in periods]
        ends = [p.end for p in periods]
        return Period(None if None in starts else min(starts), None if None in ends else max(ends))

    def timing(self, duty: URIRef, day: dt.date) -> Timing:
        g = self.graph
        if (duty, DFK.normativeStatus, DFK.LexFerenda) in g:
            return self._proposal_timing(duty, day)
        bases = [self.period(b) for b in g.objects(duty, DFK.legalBasis)]
        statuses = {p.status_on(day) for p in bases} or {UNDATED}  # no basis recorded: no date either
        status = next(s for s in _PRECEDENCE if s in statuses)
        whole = self.duty_period(duty)
        return Timing(status, _iso(whole.start), _iso(whole.last_day))

    def _proposal_timing(self, duty: URIRef, day: dt.date) -> Timing:
        g = self.graph
        enactments, enacted = [], False
        for predicate, extent in ((DFK.enactedInWholeBy, IN_WHOLE), (DFK.enactedInPartBy, IN_PART)):
            for provision in sorted(g.objects(duty, predicate)):
                period = self.period(provision)
                if period.status_on(day) != IN_FORCE:
                    continue
                enacted = True
                duties = [{"iri": str(d), "label": _label(g, d)} for d in sorted(g.objects(duty, DFK.enactingDuty))
                          if provision in set(g.objects(d, DFK.legalBasis))]
                enactments.append(Enactment(str(provision), _label(g, provision), extent, _iso(period.start), duties))
        remains = next((str(o) for o in g.objects(duty, DFK.remainsProposed)), "") if enacted else ""
        return Timing(PROPOSED_SINCE_ENACTED if enacted else PROPOSED, enacted_by=enactments, remains_proposed=remains)


@lru_cache(maxsize=4)
def validity_for(kg) -> Validity:
    """The dates of a knowledge graph's closure, shared read-only (one per build)."""
    return Validity(kg.closure)


def _day(literal) -> dt.date | None:
    value = getattr(literal, "value", None)
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _label(g: Graph, node) -> str:
    from .terms import label

    return label(g, node)


__all__ = ["STATUSES", "ATTACHING", "IN_FORCE", "UNDATED", "NOT_YET_IN_FORCE", "NO_LONGER_IN_FORCE", "PROPOSED",
           "PROPOSED_SINCE_ENACTED", "law_first", "Period", "Timing", "Enactment", "Validity", "validity_for", "parse_day"]
