"""Render stage: the change model, trees and matrices -> HTML, Markdown, Word, AKN, PDF, CSV.

Renderers read the change model or the tree; they never read each other's output.
"""
