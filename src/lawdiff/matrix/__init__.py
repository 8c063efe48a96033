"""Matrix stage: ``Document``s + ``corpus/topics.toml`` + ``corpus/annotations.toml`` -> the provision matrix.

``topics`` and ``annotations`` read the two TOML files, ``locate`` finds the
provisions of one instrument that treat a topic, and ``build.build_matrix``
assembles the cells (status, summary, citations) that the renderers print.
"""
