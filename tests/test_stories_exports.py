"""The public names of storytrace.stories, pinned."""

from __future__ import annotations

import storytrace.stories


def test_stories_exported_members() -> None:
    public = {name for name in dir(storytrace.stories) if not name.startswith("_")}
    modules = {
        "candidates", "clustering", "corrections", "explanation", "features", "graph",
        "grouping", "incremental", "records", "settings", "similarity", "stage", "translations",
        "vectors", "vocabulary", "written_dates",
    }  # fmt: skip
    assert public - modules == set(storytrace.stories.__all__)
    for name in storytrace.stories.__all__:
        member = getattr(storytrace.stories, name)
        if isinstance(member, type) or hasattr(member, "__code__"):
            assert member.__module__.startswith("storytrace.stories"), name
