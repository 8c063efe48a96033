"""Web pages in the markup of malegislature.gov and mass.gov, built from the corpus texts (test fixtures).

Written by hand after the sites' page structure: site chrome (header, navigation,
search form, breadcrumb, footer, scripts) around the content; on mass.gov the
Mayflower page header (category label, h1 title, date and issuer) then a rich-text
body and the "Help Us Improve Mass.gov" feedback form.
"""

from __future__ import annotations

from html import escape

from lawdiff.read import read_text

# Printed lines of H.2288 that open a paragraph (indented in the official PDF):
# each structure marker, and "Any and all records" (43), "If a law enforcement" (65),
# "An individual may file" (75) which continue a subsection in a paragraph of their own.
H2288_PARAGRAPHS = (1, 2, 4, 5, 6, 8, 12, 15, 19, 20, 25, 26, 43, 49, 57, 58, 65, 71, 72, 75, 83, 85)


def h2288_parts(raw_text: str) -> tuple[list[str], list[str]]:
    """(preface paragraphs, body paragraphs) of the H.2288 text, rules as ``None`` omitted."""
    reading = read_text(raw_text)
    preface: list[list[str]] = [[]]
    body: list[list[str]] = []
    for line in reading.lines:
        if line.number is None:
            if line.text:
                preface[-1].append(line.text)
            elif preface[-1]:
                preface.append([])
        elif line.text:
            if line.number in H2288_PARAGRAPHS and (not body or body[-1][0][0] != line.number):
                body.append([(line.number, line.text)])
            else:
                body[-1].append((line.number, line.text))
    return [" ".join(p) for p in preface if p], [" ".join(t for _, t in p) for p in body]


def _ps(paragraphs, cls=None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{escape(p)}</p>" for p in paragraphs)


def malegislature_bill_page(preface, body, petition) -> str:
    """``/Bills/193/H2288.Html``: the whole bill, as the site renders it for printing."""
    rows = "\n".join(
        f"<tr><td><p class=MsoNormal>{escape(n)}</p></td><td><p class=MsoNormal>{escape(d)}</p></td>"
        f"<td><p class=MsoNormal>{escape(a)}</p></td></tr>"
        for n, d, a in petition
    )
    return f"""<!DOCTYPE html>
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Bill H.2288</title>
<style>p.MsoNormal {{ margin: 0; font-family: "Times New Roman"; }} .docket {{ text-align: right; }}</style>
</head>
<body lang=EN-US>
<div class=WordSection1>
<p class="MsoNormal docket">HOUSE DOCKET, NO. 3198&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; FILED ON: 1/19/2023</p>
<p class=MsoNormal align=center>HOUSE&nbsp;. . . . . . . . . . . . . . . No.&nbsp;2288</p>
<p class=MsoNormal align=center><b>The Commonwealth of Massachusetts</b></p>
<p class=MsoNormal align=center>_________________</p>
<p class=MsoNormal><b>PRESENTED BY:</b></p>
<p class=MsoNormal align=center><i>Ruth B. Balser and Manny Cruz</i></p>
<p class=MsoNormal align=center>_________________</p>
<p class=MsoNormal>To the Honorable Senate and House of Representatives of the Commonwealth of Massachusetts in General
Court assembled:</p>
<p class=MsoNormal>The undersigned legislators and/or citizens respectfully petition for the adoption of the accompanying bill:</p>
<p class=MsoNormal align=center><b>An Act to protect the civil rights and safety of all Massachusetts residents.</b></p>
<p class=MsoNormal align=center>_________________</p>
<p class=MsoNormal><b>PETITION OF:</b></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td><p class=MsoNormal><b>Name:</b></p></td><td><p class=MsoNormal><b>District/Address:</b></p></td>
<td><p class=MsoNormal><b>Date Added:</b></p></td></tr>
{rows}
</table>
<br clear=all style='page-break-before:always'>
{_ps(preface, "MsoNormal")}
{_ps(body, "MsoNormal")}
</div>
</body>
</html>
"""


def malegislature_text_fragment(preface, body) -> str:
    """``/Bills/193/H2288/House/Bill/Text``: the body alone, loaded into the bill page by script."""
    return f"""<div class="modal-body">
<div id="billText">
{_ps(preface)}
{_ps(body)}
</div>
</div>
"""


def _site_chrome(title: str, content: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/Content/css/site.css">
<script src="/Scripts/jquery.min.js"></script>
</head>
<body>
<a class="skip-link sr-only" href="#main">Skip to main content</a>
<header class="site-header">
  <nav class="navbar" aria-label="Main">
    <ul><li><a href="/Bills">Bills &amp; Laws</a></li><li><a href="/Legislators">Legislators</a></li>
    <li><a href="/Committees">Committees</a></li><li><a href="/Events">Events</a></li></ul>
  </nav>
  <form action="/Search" role="search"><input type="text" name="SearchTerms"><button>Search</button></form>
</header>
<div id="main" class="container" role="main">
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/Laws">Bills &amp; Laws</a></li>
<li><a href="/Laws/SessionLaws">Session Laws</a></li></ol>
{content}
</div>
<footer class="site-footer"><p>Site Policy</p><p>Massachusetts State House, 24 Beacon St., Boston, MA 02133</p></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "SECTION 1. WHEREAS"}});</script>
</body>
</html>
"""


def session_law_page(chapter: str, title: str, preamble: list[str], body: list[str], approved: str) -> str:
    """``/Laws/SessionLaws/Acts/{year}/Chapter{n}``."""
    content = f"""<div class="row">
<div class="col-xs-12 col-md-8">
<h2 id="skipTo">{escape(chapter)}</h2>
<h2>{escape(title)}</h2>
<div class="lawText">
{_ps(preamble)}
{_ps(body)}
<p><i>{escape(approved)}</i></p>
</div>
</div>
<aside class="col-md-4"><h3>Related Bills</h3><p>See the bill history</p></aside>
</div>"""
    return _site_chrome(f"Session Law - Acts of 2099 {chapter}", content)


def mass_gov_eo_page(raw_text: str) -> str:
    """The mass.gov executive order page for the EO text (as copied from that page)."""
    paragraphs = [p for p in raw_text.split("\n\n")]
    paragraphs = [" ".join(p.split()) if "Date:" not in p else p.strip() for p in paragraphs if p.strip()]
    end = next(k for k, p in enumerate(paragraphs) if p.startswith("Help Us Improve"))
    label, title, date_issuer, *rest = paragraphs[:end]
    date, issuer = date_issuer.splitlines()
    body = []
    for p in rest:
        if p.startswith("Section "):
            body.append(f'<h2 class="ma__comp-heading">{escape(p)}</h2>')
        else:
            body.append(f"<p>{escape(p)}</p>")
    body_html = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<title>{escape(title)} | Mass.gov</title>
<script type="application/ld+json">{{"@type": "GovernmentService", "name": "{escape(title)}"}}</script>
<script>document.documentElement.className = "js";</script>
</head>
<body>
<a class="ma__skip-link visually-hidden" href="#main-content">Skip to main content</a>
<header class="ma__header" role="banner">
  <div class="ma__header__logo"><a href="/">Mass.gov</a></div>
  <nav class="ma__main-nav" aria-label="main navigation">
    <ul><li>Living</li><li>Working</li><li>Learning</li><li>Visiting &amp; Exploring</li><li>Your Government</li></ul>
  </nav>
  <form class="ma__header-search" role="search"><input type="search" placeholder="Search Mass.gov"></form>
</header>
<main id="main-content" class="ma__executive-order" tabindex="-1">
  <div class="ma__breadcrumbs"><a href="/">Home</a> <a href="/executive-orders">Executive Orders</a></div>
  <section class="ma__page-header">
    <div class="ma__page-header__content">
      <div class="ma__page-header__category">{escape(label)}</div>
      <h1 class="ma__page-header__title">{escape(title)}</h1>
    </div>
    <div class="ma__page-header__optional-content">
      <div class="ma__press-status"><p>{escape(date)}<br>
      {escape(issuer)}</p></div>
    </div>
  </section>
  <div class="ma__sticky-toc" hidden><h2>Table of Contents</h2></div>
  <div class="main-content main-content--two">
    <div class="page-content">
      <div class="ma__rich-text js-ma-rich-text">
{body_html}
      </div>
    </div>
    <aside class="sidebar"><h2>Related</h2><p>Executive Orders of Governor Healey</p></aside>
  </div>
  <div class="ma__feedback-form">
    <h2>Help Us Improve Mass.gov  with your feedback</h2>
    <form><p>Please do not include personal or contact information.</p><textarea></textarea><button>Send</button></form>
  </div>
</main>
<footer class="ma__footer"><p>&copy; 2026 Commonwealth of Massachusetts.</p></footer>
<script src="/themes/custom/mass_theme/overrides/js/mayflower.js"></script>
</body>
</html>
"""


def error_page() -> str:
    return _site_chrome("Page Not Found", "<h1>Page Not Found</h1><p>The page you requested could not be found.</p>")


def login_page() -> str:
    return _site_chrome("Sign In", '<h1>Sign In</h1><form><input type="text" name="user">'
                                   '<input type="password" name="pw"></form>')
