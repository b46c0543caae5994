"""Where each passage sits in the paper: the generated selectors of data/passage-selectors.ttl, and their checks.

A passage is written by hand, in the data file of what it supports, with one oa:TextQuoteSelector (oa:exact).
From the paper's text, `deepfake-kg passages --paper FILE --write` adds in ONE generated file, for every passage,
a second TextQuoteSelector carrying oa:prefix and oa:suffix and an oa:TextPositionSelector (oa:start, oa:end)
counted in a named edition of the paper, whose SHA-256 data/paper.ttl records. The selectors of one passage are
alternatives (W3C Web Annotation Data Model, 4.2): each picks out the same text.

One generated file, because passages are spread over data files that several people edit at once: a passage added
or changed after the file was made is a warning that names the command that regenerates it, never a failure.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from .errors import KGError
from .namespaces import DCTERMS, DFK, OA, PROV, RDF, RDFS, curie
from .paper import Paper, normalise

REGENERATE = "deepfake-kg passages --paper FILE --write"
_SHA256 = "sha256:"


@dataclass
class Anchor:
    """One passage and what the graph says about where it is."""
    iri: URIRef
    section: str = ""  # the section number it names ("3.1"), "" when none
    quotes: list[str] = field(default_factory=list)  # hand-written oa:exact (one, unless the data is wrong)
    generated: str | None = None  # oa:exact of the generated TextQuoteSelector
    prefix: str | None = None
    suffix: str | None = None
    start: int | None = None
    end: int | None = None
    edition: URIRef | None = None

    @property
    def quote(self) -> str | None:
        return self.quotes[0] if self.quotes else None


@dataclass(frozen=True)
class Edition:
    iri: URIRef
    label: str
    sha256: str


@dataclass
class Findings:
    problems: list[tuple[str, str]] = field(default_factory=list)  # (resource, message): errors
    warnings: list[tuple[str, str]] = field(default_factory=list)
    quotations: int = 0  # passages whose quotation was found in the paper
    edition: Edition | None = None  # the recorded edition the paper file is, if any


def anchors(graph: Graph) -> list[Anchor]:
    """Every passage, and every resource that has generated selectors (a passage renamed since generation)."""
    found: dict[URIRef, Anchor] = {}
    for passage in set(graph.subjects(RDF.type, DFK.Passage)) | set(graph.subjects(OA.hasSelector, None)):
        if not isinstance(passage, URIRef):
            continue
        anchor = found[passage] = Anchor(passage)
        anchor.section = next((str(n) for s in graph.objects(passage, DFK.inSection)
                               for n in graph.objects(s, DFK.sectionNumber)), "")
        for selector in graph.objects(passage, OA.hasSelector):
            exact = graph.value(selector, OA.exact)
            if (selector, RDF.type, OA.TextPositionSelector) in graph:
                anchor.start, anchor.end = _int(graph.value(selector, OA.start)), _int(graph.value(selector, OA.end))
                anchor.edition = graph.value(selector, PROV.wasDerivedFrom)
            elif graph.value(selector, OA.prefix) is not None:  # only the generated quote selector has a prefix
                anchor.generated = str(exact) if exact is not None else None
                anchor.prefix, anchor.suffix = str(graph.value(selector, OA.prefix)), str(graph.value(selector, OA.suffix) or "")
            elif isinstance(exact, Literal):
                anchor.quotes.append(str(exact))
    return sorted(found.values(), key=lambda a: str(a.iri))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def editions(graph: Graph) -> list[Edition]:
    """The editions of the paper recorded in the graph (data/paper.ttl), each with its SHA-256."""
    found = []
    for edition, identifier in graph.subject_objects(DCTERMS.identifier):
        if str(identifier).startswith(_SHA256) and graph.value(edition, DCTERMS.isVersionOf) is not None:
            label = graph.value(edition, RDFS.label)
            found.append(Edition(edition, str(label) if label else curie(edition), str(identifier)[len(_SHA256):]))
    return sorted(found, key=lambda e: str(e.iri))


def edition_of(graph: Graph, paper: Paper) -> Edition | None:
    return next((e for e in editions(graph) if e.sha256 == paper.sha256), None)


def section_spans(graph: Graph, paper: Paper) -> dict[str, tuple[int, int]]:
    headings = {}
    for section in graph.subjects(RDF.type, DFK.PaperSection):
        number, label = graph.value(section, DFK.sectionNumber), graph.value(section, RDFS.label)
        if number is not None and label is not None:
            headings[str(number)] = str(label)
    return paper.section_spans(headings)


def locate(anchor: Anchor, paper: Paper, spans: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """Where the passage's quotation is: its first occurrence inside its section, else its first anywhere."""
    occurrences = paper.spans(anchor.quote or "")
    section = spans.get(anchor.section)
    inside = [o for o in occurrences if section and section[0] <= o[0] and o[1] <= section[1]]
    return (inside or occurrences or [None])[0]


def selectors_turtle(graph: Graph, paper: Paper) -> str:
    """The Turtle of data/passage-selectors.ttl for `graph`'s passages, from `paper`, which must be a recorded edition."""
    edition = edition_of(graph, paper)
    if edition is None:
        raise KGError(f"{paper.path} (SHA-256 {paper.sha256[:16]}…) is not an edition of the paper recorded in "
                      "data/paper.ttl, so offsets counted in it would mean nothing to others; record it there first.")
    spans = section_spans(graph, paper)
    lines = [
        "# GENERATED by `deepfake-kg passages --paper FILE --write`: do not edit. Run it again after adding or changing",
        "# a passage (validation names passages that have no position selector yet).",
        "# For each passage: a TextQuoteSelector with prefix and suffix, and a TextPositionSelector whose offsets count",
        f"# Unicode code points (end exclusive) in the edition {edition.iri.n3()}.",
        "@base <https://w3id.org/deepfake-kg/id/> .",
        "@prefix oa:   <http://www.w3.org/ns/oa#> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "",
    ]
    base = "https://w3id.org/deepfake-kg/id/"
    missing = []
    for anchor in anchors(graph):
        if anchor.quote is None:
            continue  # renamed or removed since the last generation: not carried over
        span = locate(anchor, paper, spans)
        if span is None:
            missing.append(curie(anchor.iri))
            continue
        prefix, suffix = paper.context(*span)
        iri = f"<{str(anchor.iri).removeprefix(base)}>" if str(anchor.iri).startswith(base) else anchor.iri.n3()
        lines += [
            f"{iri} oa:hasSelector",
            f"    [ a oa:TextQuoteSelector ; oa:exact {Literal(anchor.quote).n3()} ;",
            f"      oa:prefix {Literal(prefix).n3()} ; oa:suffix {Literal(suffix).n3()} ] ,",
            f"    [ a oa:TextPositionSelector ; oa:start {span[0]} ; oa:end {span[1]} ;",
            f"      prov:wasDerivedFrom <{str(edition.iri).removeprefix(base)}> ] .",
            "",
        ]
    if missing:
        raise KGError(f"Not found verbatim in {paper.path}, so not located: {', '.join(missing)} (fix the quotations first).")
    return "\n".join(lines)


def check(graph: Graph, paper: Paper | None) -> Findings:
    """Without the paper: which passages lack generated selectors or have stale ones (warnings). With it, also: every
    quotation is verbatim in the paper and inside its section, and every offset selects its quotation (errors)."""
    findings = Findings()
    if paper is not None:
        findings.edition = edition_of(graph, paper)
        spans = section_spans(graph, paper)
    for anchor in anchors(graph):
        name = curie(anchor.iri)
        if anchor.quote is None:
            if anchor.generated is not None or anchor.start is not None:
                findings.warnings.append((name, "has generated selectors but is no passage any more (renamed or removed): "
                                                f"run `{REGENERATE}`"))
            continue
        if anchor.start is None:
            findings.warnings.append((name, "has no position selector (added after data/passage-selectors.ttl was "
                                            f"generated): run `{REGENERATE}`"))
        elif normalise(anchor.generated or "") != normalise(anchor.quote):
            findings.warnings.append((name, "its quotation changed after data/passage-selectors.ttl was generated: "
                                            f"run `{REGENERATE}`"))
        if paper is None:
            continue
        if not paper.contains(anchor.quote):
            findings.problems.append((name, f"quotation not found verbatim in the paper: {anchor.quote[:120]!r}"))
            continue
        findings.quotations += 1
        section = spans.get(anchor.section)
        if section is None:
            findings.problems.append((name, f"its section {anchor.section or '(none)'} has no heading in the paper"))
        elif locate(anchor, paper, spans) and not _within(locate(anchor, paper, spans), section):
            findings.problems.append((name, f"the quotation is in the paper but not in section {anchor.section}"))
        if findings.edition is not None and anchor.start is not None and anchor.generated is not None:
            findings.problems += [(name, m) for m in _position_problems(anchor, paper, findings.edition)]
    return findings


def _within(span: tuple[int, int], section: tuple[int, int]) -> bool:
    return section[0] <= span[0] and span[1] <= section[1]


def _position_problems(anchor: Anchor, paper: Paper, edition: Edition) -> list[str]:
    if anchor.edition is not None and anchor.edition != edition.iri:
        return []  # counted in another recorded edition: not comparable with this file
    start, end = anchor.start, anchor.end
    if end is None or not 0 <= start < end <= len(paper.text):
        return [f"oa:start {start} / oa:end {end} are not a span of the paper ({len(paper.text)} characters)"]
    selected = paper.text[start:end]
    if normalise(selected) != normalise(anchor.generated):
        return [f"oa:start {start} / oa:end {end} select {normalise(selected)[:60]!r}…, not its quotation"]
    before, after = normalise(paper.text[max(0, start - 200):start]), normalise(paper.text[end:end + 200])
    if not before.endswith(normalise(anchor.prefix or "")) or not after.startswith(normalise(anchor.suffix or "")):
        return ["its oa:prefix / oa:suffix are not the text around its offsets"]
    return []


def write_selectors(graph: Graph, paper: Paper, target) -> int:
    """Write the generated file; the number of passages located."""
    text = selectors_turtle(graph, paper)
    target.write_text(text, encoding="utf-8")
    return text.count("a oa:TextPositionSelector")

