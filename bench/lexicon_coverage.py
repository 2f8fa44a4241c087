#!/usr/bin/env python3
"""How many in-scope evaluation messages of the small-KB protocol use a word
that WordNet synonyms of the KB's own words would add (docs/engine.md, "A
training-time English lexicon"): the most synonym variants could help.

  build/release/bin/tandem-small-kb-bench --dump DIR
  python3 bench/lexicon_coverage.py DIR [--max-senses N] [--max-synonyms N] [--wordnet DIR]

Synonyms: the other lemmas of a word's first sense in its part of speech
with the most sense-tagged uses, capitalised ones (names) left out; words
with more senses than --max-senses have none."""
import argparse
import csv
import json
import os
import re

PARTS = ("noun", "verb", "adj", "adv")  # ties go to the earlier


# WordNet's detachment rules (morphy), for inflections outside the exception lists.
SUFFIXES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
            ("men", "man"), ("ies", "y"), ("s", ""), ("es", "e"), ("es", ""), ("ed", "e"),
            ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"),
            ("est", "e"))


def read_wordnet(directory):
    leading, data, exceptions = {}, {}, {}
    for part in PARTS:
        with open(os.path.join(directory, "data." + part), "rb") as f:
            data[part] = f.read()
        with open(os.path.join(directory, part + ".exc")) as f:
            for line in f:
                inflected, lemma = line.split()[:2]
                exceptions.setdefault(inflected, lemma)
        with open(os.path.join(directory, "index." + part)) as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                fields = line.split()
                pointers = int(fields[3])
                senses, tagged = int(fields[2]), int(fields[5 + pointers])
                offset = int(fields[6 + pointers])
                if fields[0] not in leading or tagged > leading[fields[0]][2]:
                    leading[fields[0]] = (part, senses, tagged, offset)
    return leading, data, exceptions


def lemma_of(word, wordnet):
    leading, _, exceptions = wordnet
    if word in exceptions:
        return exceptions[word]
    if word in leading:
        return word
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and word[:-len(suffix)] + replacement in leading:
            return word[:-len(suffix)] + replacement
    return word


def synonyms(word, wordnet, max_senses, max_synonyms):
    leading, data, _ = wordnet
    if word not in leading or leading[word][1] > max_senses:
        return []
    part, _, _, offset = leading[word]
    fields = data[part][offset:data[part].index(b"\n", offset)].decode().split()
    out = []
    for k in range(int(fields[3], 16)):
        lemma = re.sub(r"\(.*", "", fields[4 + 2 * k])
        if any(c.isupper() for c in lemma):
            continue
        lemma = lemma.replace("_", " ")
        if lemma != word and lemma not in out:
            out.append(lemma)
    return out[:max_synonyms]


def words(text):
    return re.findall(r"[a-z]+", text.lower())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--per-intent", default="10")
    parser.add_argument("--max-senses", type=int, default=3)
    parser.add_argument("--max-synonyms", type=int, default=3)
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    args = parser.parse_args()
    wordnet = read_wordnet(args.wordnet)
    total = unknown = reached = inflected = 0
    for name in sorted(os.listdir(args.dump)):
        if not name.endswith("_" + args.per_intent) or name.startswith("banking77"):
            continue
        with open(os.path.join(args.dump, name, "kb.json")) as f:
            kb = json.load(f)
        vocabulary = {w for i in kb["intents"] for e in i["examples"] for w in words(e)}
        added = set()
        for word in vocabulary:
            for synonym in synonyms(word, wordnet, args.max_senses, args.max_synonyms):
                added.update(synonym.split())
        added -= vocabulary
        lemmas = {lemma_of(w, wordnet) for w in vocabulary}
        with open(os.path.join(args.dump, name, "eval.csv")) as f:
            for text, label in list(csv.reader(f))[1:]:
                if label == "oos":
                    continue
                total += 1
                message = set(words(text))
                unknown += bool(message - vocabulary)
                reached += bool(message & added)
                inflected += any(w not in vocabulary and lemma_of(w, wordnet) in lemmas
                                 for w in message)
    print(f"in-scope messages {total}; with a word the KB never uses {unknown} "
          f"({unknown / max(total, 1):.1%}); with a word the synonyms add {reached} "
          f"({reached / max(total, 1):.1%}); with another inflection of a KB word {inflected} "
          f"({inflected / max(total, 1):.1%})")


if __name__ == "__main__":
    main()
