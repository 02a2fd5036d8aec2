"""Quotes: who said what, in what role, in direct, indirect and mixed speech (issue 4).

Public API used by the pipeline: ``Quote``, ``OrgLike``, ``MODEL_VERSION`` and
``extract_quotes(title, paragraphs, organisations=())``. Pure: text in, frozen records out; the only I/O is the
bundled lexicon under transforms/resources/quotes/, read once.
"""

from transforms.quotes.core import MODEL_VERSION, OrgLike, Quote, extract_quotes

__all__ = ["MODEL_VERSION", "OrgLike", "Quote", "extract_quotes"]
