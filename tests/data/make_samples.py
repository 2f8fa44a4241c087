#!/usr/bin/python3
"""Regenerates the small committed data samples from the full data sets.

Unit tests must run without /work/shared, so they read these samples instead.
The selection is deterministic (file order, no randomness): rerunning this
script on the same sources gives byte-identical files.

Usage: tests/data/make_samples.py [SHARED_DATA_DIR]   (default /work/shared/data)
"""
import collections
import csv
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BANKING_PER_CATEGORY = 40
CLINC_INTENTS = 20
CLINC_TRAIN_PER_INTENT = 60
CLINC_VAL_PER_INTENT = 15
CLINC_OOS_PER_SPLIT = 60


def first_per_label(items, label_of, limit):
    """Keeps, in input order, the first `limit` items of each label."""
    seen = collections.Counter()
    kept = []
    for item in items:
        label = label_of(item)
        if seen[label] < limit:
            seen[label] += 1
            kept.append(item)
    return kept


def banking77(source_dir, out_dir):
    with open(os.path.join(source_dir, "train.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["text", "category"]:
        sys.exit("unexpected BANKING77 header: %r" % rows[0])
    sample = first_per_label(rows[1:], lambda row: row[1], BANKING_PER_CATEGORY)
    with open(os.path.join(out_dir, "sample.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")  # RFC 4180 line breaks
        writer.writerow(["text", "category"])
        writer.writerows(sample)
    shutil.copyfile(os.path.join(source_dir, "LICENSE"), os.path.join(out_dir, "LICENSE"))
    labels = len({row[1] for row in sample})
    print("banking77: %d rows, %d categories" % (len(sample), labels))


def write_clinc(path, splits):
    # One item per line keeps diffs of the sample readable.
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        for i, (key, items) in enumerate(splits):
            f.write("  %s: [\n" % json.dumps(key))
            lines = ["    " + json.dumps(item, ensure_ascii=False) for item in items]
            f.write(",\n".join(lines))
            f.write("\n  ]%s\n" % ("," if i + 1 < len(splits) else ""))
        f.write("}\n")


def clinc150(source_dir, out_dir):
    with open(os.path.join(source_dir, "data_full_trainval.json"), encoding="utf-8") as f:
        data = json.load(f)
    intents = set(sorted({label for _, label in data["train"]})[:CLINC_INTENTS])
    chosen = lambda items: [item for item in items if item[1] in intents]
    label = lambda item: item[1]
    splits = [
        ("train", first_per_label(chosen(data["train"]), label, CLINC_TRAIN_PER_INTENT)),
        ("val", first_per_label(chosen(data["val"]), label, CLINC_VAL_PER_INTENT)),
        ("oos_train", data["oos_train"][:CLINC_OOS_PER_SPLIT]),
        ("oos_val", data["oos_val"][:CLINC_OOS_PER_SPLIT]),
    ]
    write_clinc(os.path.join(out_dir, "sample.json"), splits)
    shutil.copyfile(os.path.join(source_dir, "LICENSE"), os.path.join(out_dir, "LICENSE"))
    print("clinc150: " + ", ".join("%s %d" % (k, len(v)) for k, v in splits))


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    banking77(os.path.join(shared, "banking77"), os.path.join(HERE, "banking77"))
    clinc150(os.path.join(shared, "clinc150"), os.path.join(HERE, "clinc150"))


if __name__ == "__main__":
    main()
