"""Articles: ids, outlets and titles from what the input gives."""

from __future__ import annotations

import pytest

from storytrace.outlets import outlet_from_furniture


@pytest.mark.parametrize(
    ("pieces", "outlet"),
    [
        (["(Author: Harbour Courier Editorial Staff)"], "Harbour Courier"),
        (["Valley Ledger Newsroom"], "Valley Ledger"),
        (
            [
                "The views expressed in this column are those of the author and do not "
                "necessarily reflect the views of Northfield Gazette.",
                "Northfield Gazette welcomes letters from readers.",
            ],
            "Northfield Gazette",
        ),
        (["Metro Wire reserves the right to remove comments."], "Metro Wire"),
        (["\u00a9 2026 Coast Daily. All rights reserved."], "Coast Daily"),
        (["Copyright 2024 Example Media"], "Example Media"),
        (["By Maria Lund", "Share on Facebook"], None),
        (["The views of the author are their own."], None),
    ],
)
def test_articles_outlet_named_in_the_page_furniture(pieces: list[str], outlet: str | None) -> None:
    assert outlet_from_furniture(pieces) == outlet
