"""Render stage: the change model, trees and matrices -> HTML, Markdown, Word, AKN, PDF, CSV, JSON, text.

One module per output.  Renderers read the change model, the tree or the matrix;
they never read each other's output.
"""
