#!/usr/bin/env python3
"""The cost side of asking instead of falling back: CLINC150's oos_val messages
(100 off-topic questions) sent as a first message through knowledge bases with
`tandem ask` (the policy included, as the widget's first reply), counted by
what the customer gets: a fallback, a question (clarify: "Did you mean ...?"
or "A or B?"), an answer or a handoff. Prints a Markdown table.

  python3 bench/off_topic_cost.py [--tandem build/release/bin/tandem] [KB.json ...]
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_KBS = ["web/demo/kb.json", "bench/data/bike_shop_kb.json", "bench/data/hotel_kb.json"]
CLINC = os.path.join(ROOT, "../shared/data/clinc150/data_full_trainval.json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tandem", default=os.path.join(ROOT, "build/release/bin/tandem"))
    parser.add_argument("--data", default=os.environ.get("TANDEM_CLINC", CLINC))
    parser.add_argument("kbs", nargs="*", default=DEFAULT_KBS)
    args = parser.parse_args()
    with open(args.data) as f:
        messages = [text for text, _ in json.load(f)["oos_val"]]
    print(f"| knowledge base ({len(messages)} oos_val messages) | fallback | question | answer | handoff |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kb in args.kbs:
            model = os.path.join(tmp, os.path.basename(kb) + ".tandem")
            subprocess.run([args.tandem, "train", os.path.join(ROOT, kb), "-o", model],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            got = collections.Counter()
            for text in messages:
                out = subprocess.run([args.tandem, "ask", model, text], check=True,
                                     capture_output=True, text=True).stdout
                got[json.loads(out)["action"]] += 1
            question = got["clarify"]
            print(f"| {kb} | {got['fallback']} | {question} | {got['answer']} | {got['handoff']} |")


if __name__ == "__main__":
    main()
