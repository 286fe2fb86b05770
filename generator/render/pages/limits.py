"""How much one page holds: the sizes at which a listing is split, and the review window.

Listings that grow with the handbook are split so that no page passes ~100 KB of HTML
(issue 7). A listing at most one page long stays one page, as it always was; a longer one
is split by service area where that helps a reader, then into numbered pages of at most
this many entries. The split depends only on counts, so every language has the same pages
(the language switcher keeps the page). The sizes leave room for text about twice as long as
the synthetic benchmark's (bench/synth.py); tests/test_page_size.py holds them to a bound.

Every page kind reads these as `limits.NAME` when it runs (never copied at import), so a test
can set smaller sizes on this module.
"""

from __future__ import annotations

REVIEW_SOON_DAYS = 60
"""A review due within this many days is 'soon'."""
RECENT_CHANGES = 5
"""Changes listed on the front page."""

HOME_LIST_LIMIT = 50
"""Above this many processes the front page lists the service areas, not every process."""
AREA_PAGE = 60
"""Processes on one page of a service area."""
ROLE_PAGE = 25
"""Processes on one role page; a role in more is split by service area, then numbered."""
DIRECTORY_PAGE = 12
"""Contacts on one page of *Kenelle soitan?*; more are split by the area of the processes that use them."""
USES_SHOWN = 8
"""Uses of a contact (steps) listed with it in the directory; the rest are counted."""
CHANGES_PAGE = 100
"""Rows on one page of the change log, newest first."""
REVIEW_PAGE = 80
"""Rows of one review table; a longer report is split by service area."""
REVIEW_PENDING_SHOWN = 50
"""Overdue or soon due processes on the first page of a split review report, the most urgent first
(their rows are the heaviest; each area's pages list the rest first)."""
GLOSSARY_PAGE = 40
"""Terms on one page of the glossary, in alphabetical order."""
TERM_USES_SHOWN = 6
"""Processes listed with a term in the glossary; the rest are counted. (Each term is also an entry of the
page's table of contents, so a glossary page weighs more HTML per byte of Markdown than other listings.)"""

NAV_LIST_LIMIT = 100
"""Above this many processes (or roles), the navigation lists only the area pages (or the roles
page), which link to them. Every page carries its section of the navigation: with a thousand
processes in it, each page would grow with the handbook and the build with its square."""
