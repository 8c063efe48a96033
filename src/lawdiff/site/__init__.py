"""Site stage: the corpus -> ``build/``, a static website of instruments, redlines and matrices.

``build.build_site`` plans the pages, renders each through ``lawdiff.render`` and
swaps the finished site in whole; ``comparisons`` says which redlines to publish,
``search`` writes the search index, ``citator_pages`` the session citator's pages (which bills
amend each chapter and section), ``session_index`` and ``session_topics`` a whole session's
paged list of documents and its topic pages, ``instrument_parts`` and ``redline_parts`` cut a
long page into parts under 500 KB, ``steps`` gives each text its version steps, ``serve``
previews the result on localhost.
"""
