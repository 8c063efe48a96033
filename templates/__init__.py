"""Jinja2 templates and static files of lawdiff's pages (a package only so that pip installs them)."""
