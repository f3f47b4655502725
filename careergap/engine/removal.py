"""The question `postings remove` asks: remove a posting the user added. Apart from
`engine/ads` so removing one loads none of the reading machinery adding one needs."""

from __future__ import annotations

from careergap.corpus import userpostings


def remove_ad(posting_id: str) -> None:
    """Remove a posting the user added; CareergapError for any other id."""
    userpostings.remove(posting_id)
