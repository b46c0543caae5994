"""Views over plain sets of rdflib triples: the lookups the completion and the checks need, without filling an
rdflib Graph (a Graph of a few million triples takes longer to fill than reasonable takes to reason)."""
from __future__ import annotations

from collections import defaultdict

from rdflib import BNode, Literal, URIRef

from ..namespaces import RDF, XSD

_NIL, _FIRST, _REST = RDF.nil, RDF.first, RDF.rest


class TripleView:
    """The few rdflib Graph lookups the completion and the checks use (`subjects`, `objects`, `subject_objects`,
    `in`), over a set of triples, each predicate indexed on first use; `update` adds triples to it."""

    def __init__(self, triples: set):
        self.triples = triples
        self._by_predicate: dict | None = None
        self._pairs: dict = {}
        self._forward: dict = {}
        self._backward: dict = {}

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        if s is not None and o is not None:
            return triple in self.triples
        if s is not None:
            return s in self._index(self._forward, p, 0)
        if o is not None:
            return o in self._index(self._backward, p, 1)
        return bool(self.pairs(p))

    def pairs(self, predicate) -> list:
        """(subject, object) of every triple with `predicate`."""
        if predicate not in self._pairs:
            if self._by_predicate is None:
                # keyed by plain str: rdflib terms compare in Python, plain strings in C (3× faster here)
                self._by_predicate = defaultdict(list)
                for triple in self.triples:
                    self._by_predicate[str(triple[1])].append(triple)
            self._pairs[predicate] = [(s, o) for s, _, o in self._by_predicate.get(str(predicate), ())]
        return self._pairs[predicate]

    def _index(self, cache: dict, predicate, key: int) -> dict:
        if predicate not in cache:
            index = defaultdict(set)
            for pair in self.pairs(predicate):
                index[pair[key]].add(pair[1 - key])
            cache[predicate] = index
        return cache[predicate]

    def update(self, triples) -> None:
        """Add `triples`, keeping the indexes built so far."""
        for triple in triples:
            if triple in self.triples:
                continue
            self.triples.add(triple)
            s, p, o = triple
            if self._by_predicate is not None:
                self._by_predicate[str(p)].append(triple)
            if p in self._pairs:
                self._pairs[p].append((s, o))
            if p in self._forward:
                self._forward[p][s].add(o)
            if p in self._backward:
                self._backward[p][o].add(s)

    def subjects(self, predicate, object):  # noqa: A002 (rdflib's parameter names)
        return iter(self._index(self._backward, predicate, 1).get(object, ()))

    def objects(self, subject, predicate):
        return iter(self._index(self._forward, predicate, 0).get(subject, ()))

    def subject_objects(self, predicate):
        return iter(self.pairs(predicate))


class Terms:
    """Maps the terms reasonable returns back to the terms as asserted. For literals this is a correction
    (docs/reasoning.md, point 3); for IRIs and blank nodes it is memory: reasonable makes a new object for every occurrence
    of a term, and sharing one object per term halves the memory of a closure of a million triples."""

    def __init__(self, asserted):
        self.literals = {self._key(o): o for s, p, o in asserted if type(o) is Literal}
        # by plain str: rdflib terms compare in Python, str in C
        self.iris: dict[str, URIRef] = {}
        self.blanks: dict[str, BNode] = {}
        for triple in asserted:
            for term in triple:
                if type(term) is not Literal:
                    (self.blanks if type(term) is BNode else self.iris).setdefault(str(term), term)

    @staticmethod
    def _key(literal: Literal) -> tuple:
        if literal.language:
            return (str(literal), literal.language.lower(), None)
        return (str(literal), None, str(literal.datatype or XSD.string))

    def restore(self, triples: list) -> set:
        """The triples with their terms restored; empties `triples` as it goes (the fresh terms it frees are
        gigabytes at a million triples)."""
        restored = set()
        add, literals, key, iris, blanks, pop = restored.add, self.literals, self._key, self.iris, self.blanks, triples.pop
        while triples:
            s, p, o = pop()
            s = (blanks if type(s) is BNode else iris).setdefault(str(s), s)
            p = iris.setdefault(str(p), p)
            if type(o) is Literal:
                o = literals.get(key(o), o)
            else:
                o = (blanks if type(o) is BNode else iris).setdefault(str(o), o)
            add((s, p, o))
        return restored


def rdf_list(view: TripleView, head) -> list:
    """The members of the RDF list at `head`, in order (a cycle or a broken list ends it)."""
    items, seen = [], set()
    while head != _NIL and head not in seen:
        seen.add(head)
        first = next(view.objects(head, _FIRST), None)
        if first is None:
            break
        items.append(first)
        head = next(view.objects(head, _REST), _NIL)
    return items
