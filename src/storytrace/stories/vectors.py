"""Articles as TF-IDF vectors, one sparse matrix per kind of evidence.

Term weights are ``(1 + log tf) * idf`` with the smoothed ``idf = log((1 + n) /
(1 + df)) + 1`` of the articles being grouped, and rows are L2-normalised, so
the dot product of two rows is their cosine. A term that one article alone
uses cannot link it to another, so its column is dropped after normalisation
(it still counts in the article's norm: an article full of unique terms is
less like the others).

>>> from collections import Counter
>>> matrix = tfidf_matrix([Counter(a=2, b=1), Counter(a=1), Counter()])
>>> matrix.shape
(3, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from storytrace.stories.features import ArticleFeatures

FIELDS = ("words", "names", "numbers", "lead")
"""The bag-of-terms fields of :class:`ArticleFeatures` that become TF-IDF matrices."""


def tfidf_matrix(bags: Sequence[Counter[str]], *, sublinear: bool = True) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF, with columns of terms found in two bags or more.

    ``sublinear`` weighs a term's count ``c`` as ``1 + log c`` instead of ``c``.
    """
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    vocabulary = {term: column for column, term in enumerate(sorted(document_frequency))}
    rows: list[int] = []
    columns: list[int] = []
    counts: list[float] = []
    for row, bag in enumerate(bags):
        for term, count in bag.items():
            column = vocabulary.get(term)
            if column is not None:
                rows.append(row)
                columns.append(column)
                counts.append(count)
    frequency = np.fromiter(
        (document_frequency[term] for term in vocabulary), dtype=np.float64, count=len(vocabulary)
    )
    idf = np.log((1 + len(bags)) / (1 + frequency)) + 1
    term_counts = np.asarray(counts, dtype=np.float64)
    values = (1 + np.log(term_counts) if sublinear else term_counts) * idf[
        np.asarray(columns, dtype=np.int64)
    ]
    matrix = sparse.csr_matrix(
        (values, (np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64))),
        shape=(len(bags), len(vocabulary)),
        dtype=np.float64,
    )
    shared = np.flatnonzero(frequency >= 2)
    return sparse.csr_matrix(normalize_rows(matrix)[:, shared])


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each non-empty row scaled to unit L2 norm."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.csr_matrix(sparse.diags(scale) @ matrix)


@dataclass(frozen=True, slots=True)
class ArticleVectors:
    """The vectors of a set of articles, row ``i`` for article ``i`` of the features given."""

    words: sparse.csr_matrix
    names: sparse.csr_matrix
    numbers: sparse.csr_matrix
    lead: sparse.csr_matrix
    embeddings: npt.NDArray[np.float32] | None

    def field(self, name: str) -> sparse.csr_matrix:
        """The matrix of one of :data:`FIELDS`."""
        matrix: sparse.csr_matrix = getattr(self, name)
        return matrix


def vectorize(
    features: Sequence[ArticleFeatures], embeddings: npt.NDArray[np.float32] | None
) -> ArticleVectors:
    """TF-IDF matrices of every field, with the corpus of ``features`` as IDF."""
    return ArticleVectors(
        words=tfidf_matrix([f.words for f in features]),
        names=tfidf_matrix([f.names for f in features]),
        numbers=tfidf_matrix([f.numbers for f in features]),
        lead=tfidf_matrix([f.lead for f in features]),
        embeddings=embeddings,
    )
