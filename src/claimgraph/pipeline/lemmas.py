"""The English model's rule lemmatizer, made cheap: the same lemmas on the same tokens.

Two costs of spaCy's ``Lemmatizer`` (3.8) go: a new word's candidate forms are looked up
in the POS's index of known lemmas, a *list* (57,528 nouns), one linear scan per form;
here that index is a set made once. And the words spaCy does not cache (a singular noun,
a base-form verb) are worked out again at each occurrence through a Python ``Token`` and
a parse of its morphology; here one cache keyed on (word, POS, morphology), of which the
lemma is a function, serves every word, read and written through ``to_array``/
``from_array``. Tokens that already have a lemma keep it (unless the component
overwrites), as in spaCy. A word without a POS goes through spaCy's code each time (it
warns then).
"""
from __future__ import annotations

import warnings
from typing import List

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc, Token

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

    def rule_lemmatize(self, token: Token) -> List[str]:
        """spaCy 3.8's ``Lemmatizer.rule_lemmatize``, line for line, but for the look-up of
        a candidate form in the POS's index: a set made once, not a scan of the list (tens
        of thousands of words for nouns) for every form of every new word."""
        cache_key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108)
            return [string.lower()]
        # See Issue #435 for example of where this logic is requied.
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any(
            (
                index_table.get(univ_pos),
                exc_table.get(univ_pos),
                rules_table.get(univ_pos),
            )
        ):
            if univ_pos == "propn":
                return [string]
            else:
                return [string.lower()]

        index = self._index_set(index_table, univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms = []  # type: ignore
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        # Remove duplicates but preserve the ordering of applied "rules"
        forms = list(dict.fromkeys(forms))
        # Put exceptions at the front of the list, so they get priority.
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        self.cache[cache_key] = forms
        return forms

    def _index_set(self, index_table, univ_pos: str) -> frozenset:
        """The POS's index of known lemmas as a set, made on first use (per table)."""
        sets = self.__dict__.setdefault("_cg_index_sets", {})
        key = (id(index_table), univ_pos)
        found = sets.get(key)
        if found is None or found[0] is not index_table:
            found = sets[key] = (index_table, frozenset(index_table.get(univ_pos, {})))
        return found[1]



def cache_lemmas(nlp) -> None:
    """Give the pipeline's English rule lemmatizer (if it has one) the cached ``__call__``."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    if type(lem) is EnglishLemmatizer and lem.mode == "rule":
        lem.__class__ = CachedEnglishLemmatizer
        lem.lemmatize = lem.rule_lemmatize  # bound at construction to the base class's
