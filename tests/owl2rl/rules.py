"""Every rule of the OWL 2 RL/RDF rule tables (W3C, OWL 2 Web Ontology Language Profiles, 2nd edition, §4.3,
Tables 4–9), each as the smallest graph that fires it and what it must entail.

A rule is (premises, conclusion): Turtle; the conclusion is the Turtle the closure must contain, or FALSE (the
graph is inconsistent: `infer` must refuse it). Rules whose conclusion this project deliberately never produces
are in NOT_PRODUCED with the reason; their premises still run through both engines, which must agree.
Prefixes: ex: <http://test.org/> (owlrl's own test namespace), owl:, rdf:, rdfs:, xsd:.
"""
FALSE = "false"

PREFIXES = """@prefix ex: <http://test.org/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Table 4. The Semantics of Equality
EQUALITY = {
    "eq-ref": ("ex:s ex:p ex:o .", "ex:s owl:sameAs ex:s . ex:o owl:sameAs ex:o ."),
    "eq-sym": ("ex:x owl:sameAs ex:y .", "ex:y owl:sameAs ex:x ."),
    "eq-trans": ("ex:x owl:sameAs ex:y . ex:y owl:sameAs ex:z .", "ex:x owl:sameAs ex:z ."),
    "eq-rep-s": ("ex:s owl:sameAs ex:t . ex:s ex:p ex:o .", "ex:t ex:p ex:o ."),
    "eq-rep-p": ("ex:p owl:sameAs ex:q . ex:s ex:p ex:o .", "ex:s ex:q ex:o ."),
    "eq-rep-o": ("ex:o owl:sameAs ex:u . ex:s ex:p ex:o .", "ex:s ex:p ex:u ."),
    "eq-diff1": ("ex:x owl:sameAs ex:y ; owl:differentFrom ex:y .", FALSE),
    "eq-diff2": ("[] a owl:AllDifferent ; owl:members ( ex:x ex:y ex:z ) . ex:x owl:sameAs ex:z .", FALSE),
    "eq-diff3": ("[] a owl:AllDifferent ; owl:distinctMembers ( ex:x ex:y ) . ex:y owl:sameAs ex:x .", FALSE),
}

# Table 5. The Semantics of Axioms about Properties
PROPERTIES = {
    "prp-ap": ("ex:s rdfs:label \"x\" .", "rdfs:label a owl:AnnotationProperty ."),
    "prp-dom": ("ex:p rdfs:domain ex:C . ex:x ex:p ex:y .", "ex:x a ex:C ."),
    "prp-rng": ("ex:p rdfs:range ex:C . ex:x ex:p ex:y .", "ex:y a ex:C ."),
    "prp-fp": ("ex:p a owl:FunctionalProperty . ex:x ex:p ex:y1 , ex:y2 .", "ex:y1 owl:sameAs ex:y2 ."),
    "prp-ifp": ("ex:p a owl:InverseFunctionalProperty . ex:x1 ex:p ex:y . ex:x2 ex:p ex:y .", "ex:x1 owl:sameAs ex:x2 ."),
    "prp-irp": ("ex:p a owl:IrreflexiveProperty . ex:x ex:p ex:x .", FALSE),
    "prp-symp": ("ex:p a owl:SymmetricProperty . ex:x ex:p ex:y .", "ex:y ex:p ex:x ."),
    "prp-asyp": ("ex:p a owl:AsymmetricProperty . ex:x ex:p ex:y . ex:y ex:p ex:x .", FALSE),
    "prp-trp": ("ex:p a owl:TransitiveProperty . ex:x ex:p ex:y . ex:y ex:p ex:z .", "ex:x ex:p ex:z ."),
    "prp-spo1": ("ex:p rdfs:subPropertyOf ex:q . ex:x ex:p ex:y .", "ex:x ex:q ex:y ."),
    "prp-spo2": ("ex:q owl:propertyChainAxiom ( ex:p1 ex:p2 ex:p3 ) . ex:u0 ex:p1 ex:u1 . ex:u1 ex:p2 ex:u2 . "
                 "ex:u2 ex:p3 ex:u3 .", "ex:u0 ex:q ex:u3 ."),
    "prp-eqp1": ("ex:p owl:equivalentProperty ex:q . ex:x ex:p ex:y .", "ex:x ex:q ex:y ."),
    "prp-eqp2": ("ex:p owl:equivalentProperty ex:q . ex:x ex:q ex:y .", "ex:x ex:p ex:y ."),
    "prp-pdw": ("ex:p owl:propertyDisjointWith ex:q . ex:x ex:p ex:y ; ex:q ex:y .", FALSE),
    "prp-adp": ("[] a owl:AllDisjointProperties ; owl:members ( ex:p ex:q ex:r ) . ex:x ex:p ex:y ; ex:r ex:y .", FALSE),
    "prp-inv1": ("ex:p owl:inverseOf ex:q . ex:x ex:p ex:y .", "ex:y ex:q ex:x ."),
    "prp-inv2": ("ex:p owl:inverseOf ex:q . ex:x ex:q ex:y .", "ex:y ex:p ex:x ."),
    "prp-key": ("ex:C owl:hasKey ( ex:p ex:q ) . ex:x a ex:C ; ex:p ex:z1 ; ex:q ex:z2 . "
                "ex:y a ex:C ; ex:p ex:z1 ; ex:q ex:z2 .", "ex:x owl:sameAs ex:y ."),
    "prp-npa1": ("[] owl:sourceIndividual ex:x ; owl:assertionProperty ex:p ; owl:targetIndividual ex:y . "
                 "ex:x ex:p ex:y .", FALSE),
    "prp-npa2": ("[] owl:sourceIndividual ex:x ; owl:assertionProperty ex:p ; owl:targetValue \"v\" . "
                 "ex:x ex:p \"v\" .", FALSE),
}

# Table 6. The Semantics of Classes
CLASSES = {
    "cls-thing": ("", "owl:Thing a owl:Class ."),
    "cls-nothing1": ("", "owl:Nothing a owl:Class ."),
    "cls-nothing2": ("ex:x a owl:Nothing .", FALSE),
    "cls-int1": ("ex:C owl:intersectionOf ( ex:C1 ex:C2 ) . ex:x a ex:C1 , ex:C2 .", "ex:x a ex:C ."),
    "cls-int2": ("ex:C owl:intersectionOf ( ex:C1 ex:C2 ) . ex:x a ex:C .", "ex:x a ex:C1 , ex:C2 ."),
    "cls-uni": ("ex:C owl:unionOf ( ex:C1 ex:C2 ) . ex:x a ex:C2 .", "ex:x a ex:C ."),
    "cls-com": ("ex:C1 owl:complementOf ex:C2 . ex:x a ex:C1 , ex:C2 .", FALSE),
    "cls-svf1": ("ex:R owl:someValuesFrom ex:Y ; owl:onProperty ex:p . ex:u ex:p ex:v . ex:v a ex:Y .", "ex:u a ex:R ."),
    "cls-svf2": ("ex:R owl:someValuesFrom owl:Thing ; owl:onProperty ex:p . ex:u ex:p ex:v .", "ex:u a ex:R ."),
    "cls-avf": ("ex:R owl:allValuesFrom ex:Y ; owl:onProperty ex:p . ex:u a ex:R ; ex:p ex:v .", "ex:v a ex:Y ."),
    "cls-hv1": ("ex:R owl:hasValue ex:y ; owl:onProperty ex:p . ex:u a ex:R .", "ex:u ex:p ex:y ."),
    "cls-hv2": ("ex:R owl:hasValue ex:y ; owl:onProperty ex:p . ex:u ex:p ex:y .", "ex:u a ex:R ."),
    "cls-maxc1": ("ex:R owl:maxCardinality 0 ; owl:onProperty ex:p . ex:u a ex:R ; ex:p ex:y .", FALSE),
    "cls-maxc2": ("ex:R owl:maxCardinality 1 ; owl:onProperty ex:p . ex:u a ex:R ; ex:p ex:y1 , ex:y2 .",
                  "ex:y1 owl:sameAs ex:y2 ."),
    "cls-maxqc1": ("ex:R owl:maxQualifiedCardinality 0 ; owl:onProperty ex:p ; owl:onClass ex:C . "
                   "ex:u a ex:R ; ex:p ex:y . ex:y a ex:C .", FALSE),
    "cls-maxqc2": ("ex:R owl:maxQualifiedCardinality 0 ; owl:onProperty ex:p ; owl:onClass owl:Thing . "
                   "ex:u a ex:R ; ex:p ex:y .", FALSE),
    "cls-maxqc3": ("ex:R owl:maxQualifiedCardinality 1 ; owl:onProperty ex:p ; owl:onClass ex:C . "
                   "ex:u a ex:R ; ex:p ex:y1 , ex:y2 , ex:y3 . ex:y1 a ex:C . ex:y2 a ex:C .", "ex:y1 owl:sameAs ex:y2 ."),
    "cls-maxqc4": ("ex:R owl:maxQualifiedCardinality 1 ; owl:onProperty ex:p ; owl:onClass owl:Thing . "
                   "ex:u a ex:R ; ex:p ex:y1 , ex:y2 .", "ex:y1 owl:sameAs ex:y2 ."),
    "cls-oo": ("ex:C owl:oneOf ( ex:y1 ex:y2 ) .", "ex:y1 a ex:C . ex:y2 a ex:C ."),
}

# Table 7. The Semantics of Class Axioms
CLASS_AXIOMS = {
    "cax-sco": ("ex:C1 rdfs:subClassOf ex:C2 . ex:x a ex:C1 .", "ex:x a ex:C2 ."),
    "cax-eqc1": ("ex:C1 owl:equivalentClass ex:C2 . ex:x a ex:C1 .", "ex:x a ex:C2 ."),
    "cax-eqc2": ("ex:C1 owl:equivalentClass ex:C2 . ex:x a ex:C2 .", "ex:x a ex:C1 ."),
    "cax-dw": ("ex:C1 owl:disjointWith ex:C2 . ex:x a ex:C1 , ex:C2 .", FALSE),
    "cax-adc": ("[] a owl:AllDisjointClasses ; owl:members ( ex:C1 ex:C2 ex:C3 ) . ex:x a ex:C1 , ex:C3 .", FALSE),
}

# Table 8. The Semantics of Datatypes
DATATYPES = {
    "dt-type1": ("", "xsd:integer a rdfs:Datatype ."),
    "dt-type2": ("ex:s ex:p \"1\"^^xsd:positiveInteger .", "\"1\"^^xsd:positiveInteger a xsd:positiveInteger ."),
    "dt-eq": ("ex:s ex:p \"1\"^^xsd:integer , \"01\"^^xsd:integer .", "\"1\"^^xsd:integer owl:sameAs \"01\"^^xsd:integer ."),
    "dt-diff": ("ex:s ex:p \"1\"^^xsd:integer , \"2\"^^xsd:integer .", "\"1\"^^xsd:integer owl:differentFrom \"2\"^^xsd:integer ."),
    "dt-not-type": ("ex:s ex:p \"-1\"^^xsd:nonNegativeInteger .", FALSE),
}

# Table 9. The Semantics of Schema Vocabulary
SCHEMA = {
    "scm-cls": ("ex:C a owl:Class .", "ex:C rdfs:subClassOf ex:C , owl:Thing ; owl:equivalentClass ex:C . "
                "owl:Nothing rdfs:subClassOf ex:C ."),
    "scm-sco": ("ex:C1 rdfs:subClassOf ex:C2 . ex:C2 rdfs:subClassOf ex:C3 .", "ex:C1 rdfs:subClassOf ex:C3 ."),
    "scm-eqc1": ("ex:C1 owl:equivalentClass ex:C2 .", "ex:C1 rdfs:subClassOf ex:C2 . ex:C2 rdfs:subClassOf ex:C1 ."),
    "scm-eqc2": ("ex:C1 rdfs:subClassOf ex:C2 . ex:C2 rdfs:subClassOf ex:C1 .", "ex:C1 owl:equivalentClass ex:C2 ."),
    "scm-op": ("ex:p a owl:ObjectProperty .", "ex:p rdfs:subPropertyOf ex:p ; owl:equivalentProperty ex:p ."),
    "scm-dp": ("ex:p a owl:DatatypeProperty .", "ex:p rdfs:subPropertyOf ex:p ; owl:equivalentProperty ex:p ."),
    "scm-spo": ("ex:p1 rdfs:subPropertyOf ex:p2 . ex:p2 rdfs:subPropertyOf ex:p3 .", "ex:p1 rdfs:subPropertyOf ex:p3 ."),
    "scm-eqp1": ("ex:p1 owl:equivalentProperty ex:p2 .", "ex:p1 rdfs:subPropertyOf ex:p2 . ex:p2 rdfs:subPropertyOf ex:p1 ."),
    "scm-eqp2": ("ex:p1 rdfs:subPropertyOf ex:p2 . ex:p2 rdfs:subPropertyOf ex:p1 .", "ex:p1 owl:equivalentProperty ex:p2 ."),
    "scm-dom1": ("ex:p rdfs:domain ex:C1 . ex:C1 rdfs:subClassOf ex:C2 .", "ex:p rdfs:domain ex:C2 ."),
    "scm-dom2": ("ex:p2 rdfs:domain ex:C . ex:p1 rdfs:subPropertyOf ex:p2 .", "ex:p1 rdfs:domain ex:C ."),
    "scm-rng1": ("ex:p rdfs:range ex:C1 . ex:C1 rdfs:subClassOf ex:C2 .", "ex:p rdfs:range ex:C2 ."),
    "scm-rng2": ("ex:p2 rdfs:range ex:C . ex:p1 rdfs:subPropertyOf ex:p2 .", "ex:p1 rdfs:range ex:C ."),
    "scm-hv": ("ex:C1 owl:hasValue ex:i ; owl:onProperty ex:p1 . ex:C2 owl:hasValue ex:i ; owl:onProperty ex:p2 . "
               "ex:p1 rdfs:subPropertyOf ex:p2 .", "ex:C1 rdfs:subClassOf ex:C2 ."),
    "scm-svf1": ("ex:C1 owl:someValuesFrom ex:Y1 ; owl:onProperty ex:p . ex:C2 owl:someValuesFrom ex:Y2 ; "
                 "owl:onProperty ex:p . ex:Y1 rdfs:subClassOf ex:Y2 .", "ex:C1 rdfs:subClassOf ex:C2 ."),
    "scm-svf2": ("ex:C1 owl:someValuesFrom ex:Y ; owl:onProperty ex:p1 . ex:C2 owl:someValuesFrom ex:Y ; "
                 "owl:onProperty ex:p2 . ex:p1 rdfs:subPropertyOf ex:p2 .", "ex:C1 rdfs:subClassOf ex:C2 ."),
    "scm-avf1": ("ex:C1 owl:allValuesFrom ex:Y1 ; owl:onProperty ex:p . ex:C2 owl:allValuesFrom ex:Y2 ; "
                 "owl:onProperty ex:p . ex:Y1 rdfs:subClassOf ex:Y2 .", "ex:C1 rdfs:subClassOf ex:C2 ."),
    "scm-avf2": ("ex:C1 owl:allValuesFrom ex:Y ; owl:onProperty ex:p1 . ex:C2 owl:allValuesFrom ex:Y ; "
                 "owl:onProperty ex:p2 . ex:p1 rdfs:subPropertyOf ex:p2 .", "ex:C2 rdfs:subClassOf ex:C1 ."),
    "scm-int": ("ex:C owl:intersectionOf ( ex:C1 ex:C2 ) .", "ex:C rdfs:subClassOf ex:C1 , ex:C2 ."),
    "scm-uni": ("ex:C owl:unionOf ( ex:C1 ex:C2 ) .", "ex:C1 rdfs:subClassOf ex:C . ex:C2 rdfs:subClassOf ex:C ."),
}

TABLES = {"Table 4 (equality)": EQUALITY, "Table 5 (properties)": PROPERTIES, "Table 6 (classes)": CLASSES,
          "Table 7 (class axioms)": CLASS_AXIOMS, "Table 8 (datatypes)": DATATYPES, "Table 9 (schema)": SCHEMA}
RULES = {name: rule for table in TABLES.values() for name, rule in table.items()}

# Conclusions no user of this graph sees, from either engine: filter.py drops them (reasonable does not derive
# some of them at all; owlrl does). The suite checks that neither engine's inferred graph shows them.
NOT_PRODUCED = {
    "eq-ref": "reflexive owl:sameAs: true of every resource, says nothing",
    "prp-ap": "axiomatic: a triple about the RDFS vocabulary",
    "cls-thing": "axiomatic: a triple about the OWL vocabulary",
    "cls-nothing1": "axiomatic: a triple about the OWL vocabulary",
    "dt-type1": "axiomatic: a triple about the XSD vocabulary",
    "dt-type2": "a literal as subject",
    "dt-eq": "a literal as subject",
    "dt-diff": "a literal as subject (owlrl 7.6.2 does not derive it either)",
    "scm-cls": "reflexive and owl:Thing/owl:Nothing bounds: true of every class",
    "scm-op": "reflexive: true of every property",
    "scm-dp": "reflexive: true of every property",
}
