"""The schema (TBox) rules of OWL 2 RL, Table 9 (scm-*), and cls-oo (the members of an enumeration), as set
operations in DuckDB over integer-coded triples: the schema closure of the engine at scale (at_scale.py).

The same rules as schema_rules.py, which completes reasonable's closure in Python; here the schema never
becomes Python objects. With a million generated triples the schema is about 130 k triples (a class hierarchy
and a hasValue restriction per attached duty): closing it through reasonable and rdflib took 28 s of CPU, most
of it making and collecting Python tuples; these queries take a fraction of a second.

Reads the triples a query selects; writes table `schema_closure`(s, p, o): them with what the rules derive.
Exact when no rule about individuals reads or writes a schema triple, i.e. no axiom is about the RDF/RDFS/OWL
vocabulary itself (a domain for rdfs:subClassOf, a subclass of owl:Class, a restriction on rdf:type):
`vocabulary_axioms` finds such a graph, and at_scale.py hands it to the general engine.
"""
from __future__ import annotations

# Each rule derives pairs (a, b) of the relation named; the fixpoint loop applies them until none is new.
_ROUND = {
    "SCO": """SELECT a, b FROM EQC UNION SELECT b, a FROM EQC
        UNION SELECT h1.c, h2.c FROM HVR h1 JOIN HVR h2 ON h1.y = h2.y AND (h1.c, h1.p) <> (h2.c, h2.p)
              JOIN SPO ON SPO.a = h1.p AND SPO.b = h2.p
        UNION SELECT s1.c, s2.c FROM SVFR s1 JOIN SVFR s2 ON s1.p = s2.p AND (s1.c, s1.y) <> (s2.c, s2.y)
              JOIN SCO ON SCO.a = s1.y AND SCO.b = s2.y
        UNION SELECT s1.c, s2.c FROM SVFR s1 JOIN SVFR s2 ON s1.y = s2.y AND (s1.c, s1.p) <> (s2.c, s2.p)
              JOIN SPO ON SPO.a = s1.p AND SPO.b = s2.p
        UNION SELECT e1.c, e2.c FROM AVFR e1 JOIN AVFR e2 ON e1.p = e2.p AND (e1.c, e1.y) <> (e2.c, e2.y)
              JOIN SCO ON SCO.a = e1.y AND SCO.b = e2.y
        UNION SELECT e2.c, e1.c FROM AVFR e1 JOIN AVFR e2 ON e1.y = e2.y AND (e1.c, e1.p) <> (e2.c, e2.p)
              JOIN SPO ON SPO.a = e1.p AND SPO.b = e2.p""",  # scm-eqc1, scm-hv, scm-svf1/2, scm-avf1/2
    "SPO": "SELECT a, b FROM EQP UNION SELECT b, a FROM EQP",  # scm-eqp1
    "EQC": "SELECT x.a, x.b FROM SCO x JOIN SCO y ON x.a = y.b AND x.b = y.a",  # scm-eqc2
    "EQP": "SELECT x.a, x.b FROM SPO x JOIN SPO y ON x.a = y.b AND x.b = y.a",  # scm-eqp2
    "DOM": """SELECT d.a, SCO.b FROM DOM d JOIN SCO ON SCO.a = d.b
        UNION SELECT SPO.a, d.b FROM DOM d JOIN SPO ON SPO.b = d.a""",  # scm-dom1, scm-dom2
    "RNG": """SELECT r.a, SCO.b FROM RNG r JOIN SCO ON SCO.a = r.b
        UNION SELECT SPO.a, r.b FROM RNG r JOIN SPO ON SPO.b = r.a""",  # scm-rng1, scm-rng2
}
_PREDICATES = {"SCO": "subClassOf", "EQC": "equivalentClass", "SPO": "subPropertyOf", "EQP": "equivalentProperty",
               "DOM": "domain", "RNG": "range"}


def close_schema(db, v: dict, schema: str) -> None:
    """Table `schema_closure`: the triples `schema` selects (s, p, o) closed under the scm-* rules. `v`: the
    vocabulary's term ids."""
    from .instance_rules import lists

    db.execute(f"CREATE OR REPLACE TABLE schema_in AS {schema}")
    pairs = lambda name: f"SELECT DISTINCT s AS a, o AS b FROM schema_in WHERE p = {v[name]}"  # noqa: E731
    typed = lambda *kinds: (f"SELECT DISTINCT s FROM schema_in WHERE p = {v['type']} "  # noqa: E731
                            f"AND o IN ({', '.join(str(v[k]) for k in kinds)})")
    for table, predicate in _PREDICATES.items():
        db.execute(f"CREATE OR REPLACE TABLE {table} AS {pairs(predicate)}")
    lists(db, v, "intersectionOf", "SCHEMA_INT", source="schema_in")
    lists(db, v, "unionOf", "SCHEMA_UNI", source="schema_in")
    lists(db, v, "oneOf", "SCHEMA_ONE", source="schema_in")
    classes, properties = typed("Class"), typed("ObjectProperty", "DatatypeProperty")
    db.execute(f"""INSERT INTO SCO SELECT s, s FROM ({classes}) UNION SELECT s, {v['Thing']} FROM ({classes})
        UNION SELECT {v['Nothing']}, s FROM ({classes})
        UNION SELECT owner, member FROM SCHEMA_INT UNION SELECT member, owner FROM SCHEMA_UNI""")  # scm-cls, -int, -uni
    db.execute(f"INSERT INTO EQC SELECT s, s FROM ({classes})")  # scm-cls
    db.execute(f"INSERT INTO SPO SELECT s, s FROM ({properties})")  # scm-op, scm-dp
    db.execute(f"INSERT INTO EQP SELECT s, s FROM ({properties})")
    on_property = f"SELECT s AS c, o AS p FROM schema_in WHERE p = {v['onProperty']}"
    for table, predicate in (("HVR", "hasValue"), ("SVFR", "someValuesFrom"), ("AVFR", "allValuesFrom")):
        db.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT DISTINCT x.s AS c, op.p, x.o AS y "
                   f"FROM schema_in x JOIN ({on_property}) op ON op.c = x.s WHERE x.p = {v[predicate]}")
    before = None
    while before != (counts := _counts(db)):
        before = counts
        for table, rule in _ROUND.items():
            _add(db, table, rule)
            if table in ("SCO", "SPO"):  # scm-sco, scm-spo
                _transitive(db, table)
    db.execute("CREATE OR REPLACE TABLE schema_closure AS SELECT * FROM schema_in UNION "
               + " UNION ".join(f"SELECT a, {v[p]}, b FROM {table}" for table, p in _PREDICATES.items())
               + f" UNION SELECT member, {v['type']}, owner FROM SCHEMA_ONE")  # cls-oo: the members of an enumeration
    db.execute("DROP TABLE schema_in")
    for table in [*_PREDICATES, "HVR", "SVFR", "AVFR", "SCHEMA_INT", "SCHEMA_UNI", "SCHEMA_ONE"]:
        db.execute(f"DROP TABLE {table}")


def vocabulary_axioms(db, v: dict, predicates: str, types: str) -> bool:
    """Whether an axiom of `schema_closure` is about the vocabulary: a schema predicate or rdf:type (ids
    `predicates`) as a subproperty, with a domain, an inverse, a characteristic or in a restriction; a schema
    class (ids `types`: owl:Class, owl:Restriction …) under, equivalent to or filling a class expression. Then a
    rule about individuals would read or write schema triples, which the split into schema and individuals
    does not run: at_scale.py hands such a graph to the general engine."""
    reflexive = f"(s = o OR (p = {v['subClassOf']} AND (s = {v['Nothing']} OR o = {v['Thing']})))"  # scm-cls
    about = [f"""SELECT 1 FROM schema_closure WHERE NOT {reflexive} AND (
                (s IN ({predicates}) AND p IN ({v['subPropertyOf']}, {v['equivalentProperty']}, {v['domain']},
                    {v['range']}, {v['inverseOf']}, {v['propertyChainAxiom']}))
                OR (o IN ({predicates}) AND p IN ({v['subPropertyOf']}, {v['equivalentProperty']}, {v['inverseOf']},
                    {v['onProperty']}, {v['first']}))
                OR (p = {v['type']} AND s IN ({predicates}) AND o IN ({v['SymmetricProperty']},
                    {v['TransitiveProperty']}, {v['FunctionalProperty']}))
                OR ((s IN ({types}) OR o IN ({types})) AND p IN ({v['subClassOf']}, {v['equivalentClass']},
                    {v['someValuesFrom']}, {v['allValuesFrom']}, {v['first']})))"""]
    return any(db.execute(f"SELECT EXISTS ({question})").fetchone()[0] for question in about)


def _add(db, table: str, rule: str) -> None:
    db.execute(f"INSERT INTO {table} SELECT * FROM ({rule}) EXCEPT SELECT * FROM {table}")


def _transitive(db, table: str) -> None:
    db.execute(f"""CREATE OR REPLACE TABLE {table} AS WITH RECURSIVE t(a, b) AS (
        SELECT a, b FROM {table} UNION SELECT t.a, x.b FROM t JOIN {table} x ON x.a = t.b) SELECT * FROM t""")


def _counts(db) -> tuple:
    return db.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in _PREDICATES)).fetchone()
