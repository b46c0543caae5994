"""Which duties attach to a platform of given types on a day, each row with its law or proposal, dates, sanctions and
passages: the table the CLI and the app show. Why one of them attaches is deepfake_kg/explanations.py."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache

from rdflib import Graph, URIRef

from .build import KnowledgeGraph, get_kg
from .errors import KGError
from .classify import classifier_for
from .namespaces import DFK, OWL, RDF, RDFS
from .resolve import DutyResolver, TypeResolver, resolve_jurisdiction
from .terms import Link, Passage, label, link, links, sources
from .validity import (ATTACHING, IN_FORCE, PROPOSED, PROPOSED_SINCE_ENACTED, UNDATED, Enactment, law_first,
                       parse_day, validity_for)

# What a user may type for the status filter (the CLI's choices, the app's URL) → the statuses a row may have.
# "proposed" keeps the proposals made law since (status "proposed, since enacted"): they are still proposals.
STATUS_FILTERS = {"in force": {IN_FORCE}, "in-force": {IN_FORCE}, "undated": {UNDATED}, UNDATED: {UNDATED},
                  "proposed": {PROPOSED, PROPOSED_SINCE_ENACTED}}


@dataclass
class LegalBasis:
    """A provision a duty rests on, the instrument it is part of (None when the basis is a whole instrument), and
    the dates it binds: its status on the day asked about."""
    provision: Link
    instrument: Link | None
    in_force_from: str | None = None  # ISO dates derived from the provision, its version and its instrument
    in_force_until: str | None = None  # the last day in force, where it ended
    status: str = ""  # the provision's own status on the day asked about
    unknown: list[str] = field(default_factory=list)  # what is not verified about it (e.g. its number)


@dataclass
class Sanction:
    """A sanction for breaching a duty, with the dates of the provision that defines it and its status that day."""
    iri: str
    label: str
    in_force_from: str | None = None
    in_force_until: str | None = None
    status: str = ""
    unknown: list[str] = field(default_factory=list)


@dataclass
class DutyRow:
    """One duty of a platform: what it requires, its law or proposal, how it reached the platform, the paper."""
    duty: str  # the IRI
    id: str  # the short name the CLI shows and `explain` accepts (the IRI's last segment)
    label: str
    label_zh: str
    kind: str  # "obligation" or "prohibition"
    status: str  # on `as_of`: one of validity.ATTACHING ("in force", "dates not recorded", "proposed", …)
    required_action: str
    trigger: str
    legal_basis: list[LegalBasis]
    jurisdictions: list[Link]  # none for a duty the author proposes
    sanctions: list[Sanction]
    proposals: list[Link]
    attached_via: list[Link]  # the platform classes whose axiom attaches it
    inferred: bool  # True when it reached the platform through a class the user did not name
    passages: list[Passage] = field(default_factory=list)
    as_of: str = ""  # the day the status is for (ISO)
    in_force_from: str | None = None  # derived from the legal bases (deepfake_kg/validity.py)
    in_force_until: str | None = None
    enacted_by: list[Enactment] = field(default_factory=list)  # a proposal made law since, on as_of
    remains_proposed: str = ""
    beyond_paper: bool = False  # taken from checked primary law, not from the paper

    @property
    def passage(self) -> Passage | None:
        """The first passage of the paper behind the duty (by section), if any."""
        return self.passages[0] if self.passages else None

    @property
    def current_bases(self) -> list[LegalBasis]:
        """The legal bases the row's status rests on that day: those in force (or, for a duty whose dates are not
        recorded, those undated); a replaced text is never among them."""
        return [b for b in self.legal_basis if b.status == self.status]

    @property
    def resting_on(self) -> list[str]:
        """What the row rests on that day, by name: its current bases, else the provisions that made a proposal
        law, else the proposals."""
        return ([b.provision.label for b in self.current_bases] or [e.provision_label for e in self.enacted_by]
                or [p.label for p in self.proposals])

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=4)
def resolver(kg: KnowledgeGraph) -> TypeResolver:
    return TypeResolver(kg.closure)


@lru_cache(maxsize=4)
def duty_resolver(kg: KnowledgeGraph) -> DutyResolver:
    return DutyResolver(kg.closure)


def duties_for(types, kg: KnowledgeGraph | None = None, as_of=None, status: str | None = None,
               jurisdiction: str | None = None) -> list[DutyRow]:
    """The duties of one platform that has all of `types` (IRIs or anything TypeResolver accepts) on the day
    `as_of` (a date or YYYY-MM-DD; default today): the law in force that day, and the author's proposals
    ("proposed", or "proposed, since enacted" once a later provision made them law). Duties not yet or no
    longer in force that day are left out; `timeline` lists every date. `status` keeps the duties in force
    ("in force" / "in-force") or the proposals ("proposed"); `jurisdiction` those of one jurisdiction (an IRI,
    CURIE, short name such as `cn`, or label), or with "none" those of none (the author's proposals)."""
    kg = kg or get_kg()
    day = parse_day(as_of)
    rows = all_duties_for(types, kg, day, wanted=_status_filter(status))
    if jurisdiction == "none":
        rows = [r for r in rows if not r.jurisdictions]
    elif jurisdiction not in (None, "", "all"):
        where = str(resolve_jurisdiction(jurisdiction, kg.closure))
        rows = [r for r in rows if where in {j.iri for j in r.jurisdictions}]
    return sorted(rows, key=lambda r: (law_first(r.status), r.label))


def _status_filter(status: str | None) -> set:
    if status in (None, "", "all"):
        return set(ATTACHING)
    if status not in STATUS_FILTERS:
        raise KGError(f"Unknown status {status!r}: use in-force, undated, proposed or all.")
    return STATUS_FILTERS[status]


def all_duties_for(types, kg: KnowledgeGraph, day, wanted=None) -> list[DutyRow]:
    """Every duty that attaches to a platform of `types` at some time, each with its status on `day` (only those
    whose status is in `wanted`, if given: the status is known before the row is built)."""
    types = _as_iris(types, kg)
    triples = _classified(kg, tuple(types))
    derived_types = {o for s, p, o in triples if p == RDF.type} | set(types)
    duties = {o for s, p, o in triples if p == DFK.hasDuty}
    validity = validity_for(kg)
    timings = {duty: validity.timing(duty, day) for duty in duties}
    return [_row(kg, duty, derived_types, set(types), day, timing) for duty, timing in timings.items()
            if wanted is None or timing.status in wanted]


@lru_cache(maxsize=256)
def _classified(kg: KnowledgeGraph, types: tuple) -> frozenset:
    """One classification per combination: the table and each row's explanation share it."""
    return frozenset(classifier_for(kg).classify(types))


def _as_iris(types, kg) -> list[URIRef]:
    types = list(types)
    if not types:
        raise ValueError("Name at least one platform type.")
    return [t if isinstance(t, URIRef) else resolver(kg).resolve(str(t)) for t in types]


def _row(kg: KnowledgeGraph, duty: URIRef, platform_types: set, requested: set, day, timing=None) -> DutyRow:
    validity = validity_for(kg)
    timing = timing or validity.timing(duty, day)
    about = _described(kg, duty)
    bases = []
    for provision, provision_link, instrument, unknown in about["bases"]:
        period = validity.period(provision)
        bases.append(LegalBasis(provision_link, instrument, **period.to_dict(), status=period.status_on(day),
                                unknown=list(unknown)))
    # The version binding on the day first: an amended article's successor before the text it replaced.
    bases.sort(key=lambda b: b.status != IN_FORCE)
    sanctions = []
    for sanction, sanction_label, dated_by, unknown in about["sanctions"]:
        period = validity.period(dated_by)
        sanctions.append(Sanction(str(sanction), sanction_label, **period.to_dict(), status=period.status_on(day),
                                  unknown=list(unknown)))
    sanctions.sort(key=lambda s: s.status != IN_FORCE)  # a superseded fine is never shown as current
    carriers = [(c, name) for c, name in about["carriers"] if c in platform_types]
    return DutyRow(
        duty=str(duty),
        id=str(duty).rstrip("/").rsplit("/", 1)[-1],
        label=about["label"],
        label_zh=about["label_zh"],
        kind=about["kind"],
        status=timing.status,
        required_action=about["required_action"],
        trigger=about["trigger"],
        legal_basis=bases,
        jurisdictions=list(about["jurisdictions"]),
        sanctions=sanctions,
        proposals=list(about["proposals"]),
        attached_via=[name for c, name in carriers],
        inferred=not any(c in requested for c, _ in carriers),
        passages=list(about["passages"]),
        as_of=day.isoformat(),
        in_force_from=timing.in_force_from,
        in_force_until=timing.in_force_until,
        enacted_by=timing.enacted_by,
        remains_proposed=timing.remains_proposed,
        beyond_paper=about["beyond_paper"],
    )


@lru_cache(maxsize=4096)
def _described(kg: KnowledgeGraph, duty: URIRef) -> dict:
    """What a duty row says that depends neither on the platform nor on the day: read once per duty and graph."""
    g = kg.closure
    bases = []
    for provision in sorted(g.objects(duty, DFK.legalBasis)):
        instruments = sorted(i for i in g.objects(provision, DFK.partOf) if (i, RDF.type, DFK.LegalInstrument) in g)
        if (provision, RDF.type, DFK.LegalInstrument) in g:
            instruments = []
        bases.append((provision, link(g, provision), link(g, instruments[0]) if instruments else None,
                      tuple(sorted(map(str, g.objects(provision, DFK.unknown))))))
    sanctions = []
    for sanction in sorted(g.objects(duty, DFK.sanctionedBy)):
        # dated by the provision that defines it (its version of the text), else by its own dates
        dated_by = next(iter(sorted(g.objects(sanction, DFK.definedBy))), sanction)
        sanctions.append((sanction, label(g, sanction), dated_by, tuple(sorted(map(str, g.objects(sanction, DFK.unknown))))))
    carriers = set()
    for restriction in kg.asserted.subjects(OWL.hasValue, duty):
        if (restriction, OWL.onProperty, DFK.hasDuty) in kg.asserted:
            carriers |= set(kg.asserted.subjects(RDFS.subClassOf, restriction))
    return {
        "label": label(g, duty, "en"),
        "label_zh": label(g, duty, "zh-Hans"),
        "kind": "prohibition" if (duty, RDF.type, DFK.Prohibition) in g else "obligation",
        "required_action": _text(g, duty, DFK.requiredAction),
        "trigger": _text(g, duty, DFK.trigger),
        "bases": tuple(bases),
        "sanctions": tuple(sanctions),
        "jurisdictions": tuple(links(g, g.objects(duty, DFK.jurisdiction))),
        "proposals": tuple(links(g, g.objects(duty, DFK.proposedIn))),
        "carriers": tuple((c, link(g, c)) for c in sorted(carriers)),
        "passages": tuple(sources(g, duty)),
        "beyond_paper": any(g.objects(duty, DFK.beyondThePaper)),
    }


def _text(g: Graph, node, predicate) -> str:
    values = {getattr(o, "language", None): str(o) for o in g.objects(node, predicate)}
    return values.get("en") or values.get(None) or next(iter(values.values()), "")
