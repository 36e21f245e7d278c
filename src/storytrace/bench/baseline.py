"""Reference groupings to compare story grouping with: TF-IDF average link, topic as story.

The TF-IDF baseline is the usual first attempt: raw term counts over words of
two letters or more without English stop words, smoothed IDF, L2 norm, cosine
average-link clustering over all pairs, cut at a similarity threshold.

>>> tfidf_average_link(["quake hits haiti", "haiti quake toll", "election day"], 0.2)
[0, 0, 1]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storytrace.stories.vectors import tfidf_matrix
from storytrace.stories.vocabulary import STOP_WORDS

_WORD = re.compile(r"(?u)\b\w\w+\b")


def tfidf_dendrogram(texts: Sequence[str]) -> npt.NDArray[np.float64]:
    """The average-link merge tree (scipy's linkage matrix) of the texts' TF-IDF cosines."""
    bags = [
        Counter(word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS)
        for text in texts
    ]
    matrix = tfidf_matrix(bags, sublinear=False)
    # Rows are unit length (or zero: an empty text is at distance 1 from everything).
    similarity = np.asarray((matrix @ matrix.T).toarray())
    distances = np.clip(1.0 - similarity, 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    return linkage(squareform(distances, checks=False), method="average")


def cut_dendrogram(tree: npt.NDArray[np.float64], threshold: float) -> list[int]:
    """Cluster labels (from 0, by first item) when merges below ``threshold`` cosine are undone."""
    raw = fcluster(tree, t=1.0 - threshold, criterion="distance")
    relabel: dict[int, int] = {}
    return [relabel.setdefault(int(label), len(relabel)) for label in raw]


def tfidf_average_link(texts: Sequence[str], threshold: float) -> list[int]:
    """Cluster labels of the texts: average link over TF-IDF cosines, cut at ``threshold``."""
    if len(texts) < 2:
        return [0] * len(texts)
    return cut_dendrogram(tfidf_dendrogram(texts), threshold)
