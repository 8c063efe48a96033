"""Site stage: the corpus -> ``build/``, a static website of instruments, redlines and matrices.

``build.build_site`` plans the pages, renders each through ``lawdiff.render`` and
swaps the finished site in whole; ``comparisons`` says which redlines to publish,
``search`` writes the search index, ``citator_pages`` the session citator's pages (which bills
amend each chapter and section), ``serve`` previews the result on localhost.
"""
