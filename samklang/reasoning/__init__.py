"""OWL reasoning with owlready2: is the model consistent, and what does the data imply?

The ontology (with its defined classes, ``defined-classes.ttl``) and a dataset go to an OWL
reasoner bundled with owlready2 (HermiT by default, or Pellet), which runs in Java. The reasoner
sees a *view* of the graph, not the graph itself:

- literals whose datatype OWL 2 does not know (``xsd:date``, ``xsd:gYear``, ``xsd:duration``)
  are left out, and so are the ``rdfs:range`` axioms that name those datatypes; HermiT refuses
  them. Period bounds and decision dates are handed over instead as day numbers, the date as
  the integer YYYYMMDD (``sk:startDay``, ``sk:endDay``, ``sk:decisionDay``);
- annotations (labels, titles, definitions) are left out: they carry no logic;
- statements that OWL 2 DL cannot read are left out and counted: a literal given to an object
  property, a property of the RDF vocabulary itself (``rdf:value``), a property whose values
  are properties (``sk:emptyField``);
- statements whose property no axiom mentions are left out (they cannot matter);
- value restrictions (``p value a``) become ``p some A`` with a class A holding just ``a``
  (HermiT is far slower with nominals; the answers are the same here, see ``_without_nominals``);
- the class ``sk:DocumentInForce`` gets its definition for the reference date.

HermiT is run for the class hierarchy and the individuals' types only; Pellet through
owlready2's ``sync_reasoner_pellet``. Before it runs, the links that cannot change a membership
are cut (``locality``), which splits the data into small parts, and only one part of each form
is handed over (``duplicates``): both give exactly the answers of the whole data. Large data is
then checked for consistency as a whole and realised in batches, in parallel (see
``_realise``).

The package, one concept per module: ``reason`` (the entry points :func:`reason`, :func:`infer`,
:func:`add_inferences`, :func:`reasoned_store`), ``model`` (what reasoning found, and its
errors), ``owl_view`` (the view a reasoner is given), ``locality`` (the links cut), ``duplicates``
(parts alike), ``runner`` (HermiT or Pellet in Java) and ``explainer`` (the statements behind
an inconsistency).

:func:`reason` returns what was inferred, or, when the model is inconsistent, the individuals
and the pairs of disjoint classes involved, with the statements of the data that make them so.
:func:`infer` returns just the inferred class memberships as quads in the graph
``graph/inferred``, for adding to a store before running rules or queries.

Nothing else in samklang needs Java; only these functions do, and they say what to install when
it is missing.
"""
