#!/usr/bin/python3
"""Every #include in src/core points down the layers drawn in docs/engine.md.

A folder may include its own headers and those of the layers below it; the
core never includes the hosts (wasm/, src/cli, src/desk, src/onnx), nor a
header that does I/O or reads a clock (the hosts do that for it). Usage:
test_layers.py REPO_ROOT
"""

import os
import re
import sys
import unittest

# Bottom to top; folders on one line are side by side and must not include each other.
LAYERS = [
    ["base"],
    ["text"],
    ["privacy", "retrieval"],
    ["kb"],
    ["data"],
    ["nlu"],
    ["engine"],
    ["dialogue"],
    ["handoff"],
]
LEVEL = {folder: level for level, folders in enumerate(LAYERS) for folder in folders}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
SYSTEM_INCLUDE = re.compile(r"^\s*#\s*include\s+<([^>]+)>", re.MULTILINE)
# Files, streams, the console, threads, clocks and the browser.
HOST_ONLY = re.compile(r"(c?stdio(\.h)?|iostream|[io]?fstream|filesystem|chrono|c?time(\.h)?|thread"
                       r"|unistd\.h|fcntl\.h|sys/.*|emscripten.*)$")
ROOT = ""


def core_includes(pattern=INCLUDE):
    core = os.path.join(ROOT, "src", "core")
    for folder in sorted(os.listdir(core)):
        path = os.path.join(core, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith((".h", ".cpp", ".inc")):
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    for target in pattern.findall(f.read()):
                        yield folder, f"{folder}/{name}", target


class LayersTest(unittest.TestCase):
    def test_every_core_folder_has_a_layer(self):
        core = os.path.join(ROOT, "src", "core")
        folders = {d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d))}
        self.assertEqual(folders - set(LEVEL), set(), "add new folders to LAYERS and docs/engine.md")

    def test_includes_point_down(self):
        wrong = []
        for folder, source, target in core_includes():
            top = target.split("/")[0]
            if "/" not in target or top == folder:
                continue  # own folder, or a sibling file like "wordpiece_tables.inc"
            if top not in LEVEL:
                wrong.append(f"{source} includes {target}: not a core layer")
            elif LEVEL[top] >= LEVEL[folder]:
                wrong.append(f"{source} includes {target}: {top} is not below {folder}")
        self.assertEqual(wrong, [])

    def test_no_host_headers(self):
        wrong = [f"{source} includes <{target}>"
                 for _, source, target in core_includes(SYSTEM_INCLUDE) if HOST_ONLY.match(target)]
        self.assertEqual(wrong, [])

    def test_host_headers_are_recognised(self):
        for header in ["cstdio", "iostream", "fstream", "filesystem", "chrono", "emscripten/bind.h"]:
            self.assertTrue(HOST_ONLY.match(header), header)
        for header in ["string", "vector", "cstdint", "cmath", "sstream", "string_view"]:
            self.assertFalse(HOST_ONLY.match(header), header)


if __name__ == "__main__":
    ROOT = sys.argv.pop(1)
    unittest.main()
