"""Articles: ids, outlets and titles from what the input gives."""

from __future__ import annotations

import pytest

from storytrace.outlets import outlet_from_furniture


@pytest.mark.parametrize(
    ("pieces", "outlet"),
    [
        (["(Author: Libyan Gazette Editorial Staff)"], "Libyan Gazette"),
        (
            [
                "The views expressed in Op-Ed pieces are those of the author and do not "
                "purport to reflect the opinions or views of Libyan Express.",
                "Libyan Express will use the information you provide on this form.",
            ],
            "Libyan Express",
        ),
        (["\u00a9 2026 Coast Daily. All rights reserved."], "Coast Daily"),
        (["By Maria Lund", "Share on Facebook"], None),
        (["The views of the author are their own."], None),
    ],
)
def test_articles_outlet_named_in_the_page_furniture(pieces: list[str], outlet: str | None) -> None:
    assert outlet_from_furniture(pieces) == outlet
