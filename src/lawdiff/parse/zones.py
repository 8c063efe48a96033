"""The front of an instrument: which units are its preface (title, sponsors, docket), which its
preamble (recitals, the enacting formula), and where the body begins."""

from __future__ import annotations

import re

from lawdiff.parse.markers import FORMULA, RECITAL, marker
from lawdiff.parse.tree import Node
from lawdiff.parse.units import NodeText, Unit
from lawdiff.read.cover import is_header


class FrontMatter:
    """Takes units until the body begins: "Be it enacted" (or "NOW, THEREFORE"), a printed line,
    or a structure marker.  A reading that is the body alone (an API record) starts in the body."""

    def __init__(self, text: NodeText, zone: str = "preface"):
        self.text = text
        self.zone = zone
        self.preface = Node("preface")
        self.preamble = Node("preamble")
        self.structured = False  # recitals or a formula were found
        self.ordered = False  # an executive order's "do hereby order"

    def take(self, unit: Unit) -> bool:
        """Place ``unit`` in the preface or preamble; False once it belongs to the body."""
        if self.zone == "body":
            return False
        if RECITAL.match(unit.text):
            self.zone = "preamble"
            self._recital(unit)
            return True
        if FORMULA.match(unit.text):
            self._formula(unit)
            self.zone = "body"
            return True
        if self.zone == "preamble" and not unit.printed and not marker(unit.text):
            self.text.add(self.preamble.children[-1].children[-1], unit)
            return True
        if self.zone == "preface" and not unit.printed and not marker(unit.text):
            self._preface(unit)
            return True
        self.zone = "body"
        return False

    def _preface(self, unit: Unit) -> None:
        text = unit.text
        if re.match(r"^(?:An Act\b|An Resolve\b|Resolve\b|Executive Order No\. ?\d)", text):
            type_ = "longTitle"
        elif re.match(r"^By (Representative|Senator|Mr\.|Ms\.|Mrs\.)", text):
            type_ = "summary"
        elif re.match(r"^In the .* General Court\b", text):
            type_ = "session"
        elif is_header(text):
            type_ = "docket"
        else:
            type_ = "p"
        node = Node(type_)
        self.preface.children.append(node)
        self.text.add(node, unit)

    def _recital(self, unit: Unit) -> None:
        if not self.preamble.children or self.preamble.children[-1].type != "recitals":
            self.preamble.children.append(Node("recitals"))
        recital = Node("recital")
        self.preamble.children[-1].children.append(recital)
        self.text.add(recital, unit)
        self.structured = True

    def _formula(self, unit: Unit) -> None:
        formula = Node("formula")
        self.preamble.children.append(formula)
        self.text.add(formula, unit)
        self.structured = True
        self.ordered = "hereby order" in unit.text
