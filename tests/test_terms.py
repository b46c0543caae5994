"""terms.py: the one label lookup and the one passage lookup every answer uses."""
from rdflib import BNode, Graph, Literal, URIRef

from deepfake_kg.namespaces import DFK, OA, RDFS
from deepfake_kg.terms import Link, Passage, label, link, passage, sources

X = URIRef("https://w3id.org/deepfake-kg/id/duty/x")


def test_label_prefers_the_language_asked_then_english_then_any_then_the_local_name():
    g = Graph()
    assert label(g, X) == "x"
    g.add((X, RDFS.label, Literal("chose", lang="fr")))
    assert label(g, X, "zh-Hans") == "chose"
    g.add((X, RDFS.label, Literal("thing", lang="en")))
    assert label(g, X, "zh-Hans") == "thing"
    g.add((X, RDFS.label, Literal("东西", lang="zh-Hans")))
    assert label(g, X, "zh-Hans") == "东西" and link(g, X) == Link(str(X), "thing")


def _passage(g, node, section, *quotes, generated=()):
    sec = BNode()
    g.add((node, DFK.inSection, sec))
    g.add((sec, DFK.sectionNumber, Literal(section)))
    for quote, is_generated in [(q, False) for q in quotes] + [(q, True) for q in generated]:
        selector = BNode()
        g.add((node, OA.hasSelector, selector))
        g.add((selector, OA.exact, Literal(quote)))
        if is_generated:  # data/passage-selectors.ttl repeats the quotation with its context
            g.add((selector, OA.prefix, Literal("before ")))


def test_a_passage_is_its_section_and_quotation_shown_once():
    g = Graph()
    p = URIRef("https://w3id.org/deepfake-kg/id/passage/duties/p")
    _passage(g, p, "4.2", "the quoted words", generated=["the quoted words"])
    assert passage(g, p) == Passage(str(p), "4.2", "the quoted words")
    g.add((X, DFK.source, p))
    assert sources(g, X) == [Passage(str(p), "4.2", "the quoted words")]


def test_sources_are_ordered_by_section_then_quotation():
    g = Graph()
    first, second = (URIRef(f"https://w3id.org/deepfake-kg/id/passage/duties/{n}") for n in ("a", "b"))
    _passage(g, first, "4.1", "zeta")
    _passage(g, second, "2", "alpha")
    g.add((X, DFK.source, first))
    g.add((X, DFK.source, second))
    assert [(p.section, p.quote) for p in sources(g, X)] == [("2", "alpha"), ("4.1", "zeta")]
