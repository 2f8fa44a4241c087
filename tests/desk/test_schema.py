"""docs/handoff-bundle.schema.json itself agrees with the test bundles (when
Python's jsonschema is installed; tandem-desk's own checks run regardless)."""

import glob
import json
import os
import unittest

from desk_server import BUNDLES_DIR, DATA_DIR

try:
    import jsonschema
except ImportError:  # not a project dependency
    jsonschema = None

SCHEMA = os.path.join(DATA_DIR, "..", "..", "docs", "handoff-bundle.schema.json")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@unittest.skipIf(jsonschema is None, "python3-jsonschema not installed")
class SchemaTest(unittest.TestCase):
    def setUp(self):
        schema = load(SCHEMA)
        jsonschema.Draft7Validator.check_schema(schema)
        self.validator = jsonschema.Draft7Validator(
            schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    def test_example_is_valid(self):
        self.assertEqual(list(self.validator.iter_errors(load(
            os.path.join(BUNDLES_DIR, "example.json")))), [])

    def test_each_invalid_bundle_breaks_exactly_one_rule(self):
        for path in sorted(glob.glob(os.path.join(BUNDLES_DIR, "invalid", "*.json"))):
            with self.subTest(os.path.basename(path)):
                errors = list(self.validator.iter_errors(load(path)))
                self.assertTrue(errors)
                self.assertEqual(len({tuple(e.absolute_path) for e in errors}), 1)


if __name__ == "__main__":
    unittest.main()
