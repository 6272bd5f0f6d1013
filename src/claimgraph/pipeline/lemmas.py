"""The English model's rule lemmatizer, run over the doc's attribute arrays with one cache.

spaCy's ``Lemmatizer.rule_lemmatize`` caches only the words that reach its suffix rules;
every other word (a singular noun, a base-form verb, a word without a POS table) is
worked out again each time it occurs, through a Python ``Token`` and a parse of its
morphology. The lemma is a function of the word, its POS and its morphology (and the
lemmatizer's tables), so :class:`CachedEnglishLemmatizer` keys one cache on those three
and reads and writes the doc through ``to_array``/``from_array``: the same lemmas, set
on the same tokens (those without one, unless the component overwrites), at a fraction
of the cost. A word without a POS still goes through spaCy's own code every time (it
warns then).
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

_ATTRS = [ORTH, POS, MORPH, LEMMA]


class CachedEnglishLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer with :meth:`__call__` over attribute arrays (see above)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            return self._lemmatize_doc(doc)
        except Exception as e:
            error_handler(self.name, self, [doc], e)

    def _lemmatize_doc(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array(_ATTRS)
        todo = range(len(doc)) if self.overwrite else np.flatnonzero(arr[:, 3] == 0).tolist()
        if not len(todo):
            return doc
        cache = self.__dict__.setdefault("_cg_lemma_cache", {})  # (orth, pos, morph) -> lemma hash
        strings, lemmatize = doc.vocab.strings, self.lemmatize
        rows = arr.tolist()
        lemmas = arr[:, 3].copy()
        for i in todo:
            orth, pos, morph, _ = rows[i]
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = strings.add(lemmatize(doc[i])[0])
                if pos:  # no POS: spaCy warns each time; leave that to it
                    cache[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc



def cache_lemmas(nlp) -> None:
    """Give the pipeline's English rule lemmatizer (if it has one) the cached ``__call__``."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    if type(lem) is EnglishLemmatizer and lem.mode == "rule":
        lem.__class__ = CachedEnglishLemmatizer
