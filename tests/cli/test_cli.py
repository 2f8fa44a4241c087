#!/usr/bin/python3
"""The `tandem` command's contract (ARCHITECTURE.md 3.1), run against the built binary.

Usage: test_cli.py TANDEM_BINARY REPO_ROOT [unittest options]
   or: TANDEM_BIN=... TANDEM_ROOT=... test_cli.py [unittest options]
Everything the tests write goes to a temporary directory.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ACTIONS = {"answer", "clarify", "collect", "handoff", "fallback"}
REASONS = {"asked_for_person", "sensitive", "low_confidence", "repeated_failure",
           "frustration", "not_helpful"}
FALLBACK_REASONS = {"out_of_scope", "below_threshold", "ambiguous"}
EVAL_KEYS = {"n", "accuracy", "in_scope_accuracy", "oos_precision", "oos_recall", "macro_f1",
             "latency_us_p50", "latency_us_p99"}
# Signs that a failure escaped as a crash instead of a message.
CRASH_MARKS = ("Traceback", "terminate called", "Segmentation", "Aborted", "core dumped",
               "AddressSanitizer", "what():")

TANDEM = os.environ.get("TANDEM_BIN", "")
ROOT = os.environ.get("TANDEM_ROOT", "")
TIMEOUT = 600


def run(*args):
    return subprocess.run([TANDEM, *args], capture_output=True, text=True, errors="replace",
                          timeout=TIMEOUT, stdin=subprocess.DEVNULL)


def data(*parts):
    return os.path.join(ROOT, *parts)


BANKING = CLINC = DEMO_KB = ""  # the sample data sets, set by main()


class CliTest(unittest.TestCase):
    """Trains the three models once; the tests share them."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="tandem-cli-test-")
        cls.models, cls.train_runs = {}, {}
        for name, source in (("banking", BANKING), ("clinc", CLINC), ("kb", DEMO_KB)):
            model = os.path.join(cls.tmp, name + ".tandem")
            cls.train_runs[name] = run("train", source, "-o", model, "--folds", "2")
            cls.models[name] = model

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, content, mode="w"):
        path = self.path(name)
        with open(path, mode) as f:
            f.write(content)
        return path

    def model(self, name):
        run_ = self.train_runs[name]
        self.assertEqual(run_.returncode, 0, f"training {name} failed:\n{run_.stderr}")
        return self.models[name]

    def assert_clean_failure(self, result, *fragments):
        """Non-zero exit by choice (not a signal), a message on stderr, no crash."""
        self.assertGreater(result.returncode, 0,
                           f"expected failure, got {result.returncode}\n{result.stderr}")
        self.assertTrue(result.stderr.strip(), "no message on stderr")
        for mark in CRASH_MARKS:
            self.assertNotIn(mark, result.stderr)
        for fragment in fragments:
            self.assertIn(fragment, result.stderr)

    def figures(self, report, pattern):
        """The numbers of the report's line that matches pattern; fails showing the report."""
        line = re.search(pattern, report)
        self.assertIsNotNone(line, report)
        return [float(v) for v in line.groups()]

    def ask(self, model, text):
        result = run("ask", self.model(model), text)
        self.assertEqual(result.returncode, 0, result.stderr)
        decision = json.loads(result.stdout)  # the whole of stdout is one object
        self.assertIsInstance(decision, dict)
        self.assertIn(decision["action"], ACTIONS)
        self.assertTrue(decision["intent"] is None or isinstance(decision["intent"], str))
        self.assertIsInstance(decision["confidence"], (int, float))
        self.assertGreaterEqual(decision["confidence"], 0.0)
        self.assertLessEqual(decision["confidence"], 1.0)
        self.assertIsInstance(decision["reply"], str)
        if decision["action"] == "handoff":
            self.assertIn(decision["reason"], REASONS)
        if decision["action"] == "fallback":
            self.assertIn(decision["reason"], FALLBACK_REASONS)
        return decision

    def evaluate(self, model, source):
        result = run("eval", self.model(model), source, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        metrics = json.loads(result.stdout)
        self.assertIsInstance(metrics, dict)
        self.assertLessEqual(EVAL_KEYS, set(metrics))
        for key in ("accuracy", "in_scope_accuracy", "macro_f1"):
            self.assertGreaterEqual(metrics[key], 0.0)
            self.assertLessEqual(metrics[key], 1.0)
        self.assertGreaterEqual(metrics["latency_us_p50"], 0.0)
        self.assertGreaterEqual(metrics["latency_us_p99"], metrics["latency_us_p50"])
        return metrics

    # --- train -------------------------------------------------------------

    def test_train_writes_models_and_reports_held_out_figures(self):
        for name in ("banking", "clinc", "kb"):
            with self.subTest(data=name):
                result = self.train_runs[name]
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("training on", result.stderr)
                self.assertIn("held-out", result.stderr)
                self.assertIn("accuracy", result.stderr)
                self.assertIn("%", result.stderr)
                with open(self.models[name], "rb") as f:
                    self.assertEqual(f.read(4), b"TNDM")
                self.assertFalse(os.path.exists(self.models[name] + ".tmp"))

    def test_train_is_deterministic_for_a_seed(self):
        outputs = []
        for i in range(2):
            out = self.path(f"seeded{i}.tandem")
            result = run("train", DEMO_KB, "-o", out, "--seed", "3", "--folds", "2")
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(out, "rb") as f:
                outputs.append(f.read())
        self.assertEqual(outputs[0], outputs[1])

    # --- ask ---------------------------------------------------------------

    def test_ask_answers_routine_questions_from_the_knowledge_base(self):
        for text, intent in (("when is my next payment due?", "due_dates"),
                             ("where is my refund", "refund_status"),
                             ("my card was declined", "declined_payment")):
            with self.subTest(text=text):
                decision = self.ask("kb", text)
                self.assertEqual(decision["action"], "answer")
                self.assertEqual(decision["intent"], intent)
                self.assertTrue(decision["reply"])

    def test_ask_collects_a_fraud_reports_details_then_hands_off(self):
        decision = self.ask("kb", "someone used my account to buy things I never ordered")
        self.assertEqual(decision["action"], "collect")
        self.assertEqual(decision["intent"], "fraud_report")
        decision = self.ask(
            "kb", "someone used my account to buy things I never ordered, I'm jane@example.com")
        self.assertEqual(decision["action"], "handoff")
        self.assertEqual(decision["reason"], "sensitive")

    def test_ask_tells_a_request_for_a_person_from_a_question_about_one(self):
        decision = self.ask("kb", "can I talk to a real person please")
        self.assertEqual(decision["action"], "handoff")
        self.assertEqual(decision["reason"], "asked_for_person")
        decision = self.ask("kb", "can a person pay with two cards?")
        self.assertNotEqual(decision["action"], "handoff")

    def test_ask_says_why_it_did_not_answer(self):
        for model, text in (("kb", "what is the capital of peru"),
                            ("kb", "blorp zindle quax"),
                            ("banking", "what is the capital of peru")):
            with self.subTest(model=model, text=text):
                decision = self.ask(model, text)
                self.assertEqual(decision["action"], "fallback")
                self.assertIn(decision["reason"], FALLBACK_REASONS)
        answer = self.ask("kb", "where is my refund")
        self.assertNotIn("reason", answer)

    def test_ask_on_labelled_data_answers_with_the_intent_id(self):
        decision = self.ask("banking", "I still have not received my new card")
        self.assertEqual(decision["intent"], "card_arrival")
        if decision["action"] == "answer":
            self.assertEqual(decision["reply"], "card_arrival")

    def test_ask_survives_odd_messages(self):
        for text in ("", "   ", "\U0001F600\U0001F621", "x" * 10000, "caf\u00e9 r\u00e9clamation"):
            with self.subTest(length=len(text)):
                self.ask("kb", text)

    # --- eval --------------------------------------------------------------

    def test_eval_json_on_csv_has_no_oos_figures(self):
        metrics = self.evaluate("banking", BANKING)
        self.assertEqual(metrics["n"], 3075)  # no evaluation split: every row
        self.assertIsNone(metrics["oos_precision"])
        self.assertIsNone(metrics["oos_recall"])
        self.assertGreater(metrics["accuracy"], 0.8)  # its own training data

    def test_eval_json_on_clinc_scores_out_of_scope(self):
        metrics = self.evaluate("clinc", CLINC)
        self.assertEqual(metrics["n"], 360)  # val + oos_val
        for key in ("oos_precision", "oos_recall"):
            self.assertIsInstance(metrics[key], (int, float))
            self.assertGreaterEqual(metrics[key], 0.0)
            self.assertLessEqual(metrics[key], 1.0)
        self.assertGreater(metrics["oos_recall"], 0.5)
        self.assertGreater(metrics["in_scope_accuracy"], 0.7)

    def test_eval_json_on_a_knowledge_base(self):
        metrics = self.evaluate("kb", DEMO_KB)
        self.assertGreater(metrics["n"], 0)

    def test_eval_without_json_prints_a_table(self):
        result = run("eval", self.model("clinc"), CLINC)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("accuracy", result.stdout)
        self.assertIn("latency", result.stdout)

    def test_eval_errors_lists_every_message_not_answered_right(self):
        result = run("eval", self.model("clinc"), CLINC, "--json", "--errors")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout)
        self.assertTrue(EVAL_KEYS <= set(out))
        errors = out["errors"]
        self.assertGreater(len(errors), 0)
        with open(CLINC, encoding="utf-8") as f:
            items = json.load(f)
        expected = {text: intent for text, intent in items["val"] + items["oos_val"]}
        outcomes = {"wrong_answer", "declined", "answered_out_of_scope", "clarified",
                    "clarified_right_first"}
        for e in errors:
            self.assertEqual({"text", "expected", "predicted", "confidence", "action", "reason",
                              "outcome", "answer_threshold", "candidates"}, set(e))
            self.assertEqual(expected[e["text"]], e["expected"])
            self.assertIn(e["action"], ACTIONS)
            self.assertIn(e["outcome"], outcomes)
            self.assertIn(e["reason"], {"confident", "nothing_known", "out_of_scope",
                                        "below_threshold", "close_call"})
            self.assertGreaterEqual(e["confidence"], 0.0)
            self.assertLessEqual(e["confidence"], 1.0)
            if e["outcome"] == "wrong_answer":
                self.assertNotEqual(e["predicted"], e["expected"])
                self.assertEqual(e["action"], "answer")
            if e["outcome"] == "answered_out_of_scope":
                self.assertEqual(e["expected"], "oos")
        # The errors are exactly the messages the metrics count as not right.
        in_scope = sum(1 for intent in expected.values() if intent != "oos")
        oos = len(expected) - in_scope
        in_scope_errors = sum(1 for e in errors if e["expected"] != "oos")
        oos_errors = sum(1 for e in errors if e["expected"] == "oos")
        self.assertAlmostEqual(1 - in_scope_errors / in_scope, out["in_scope_accuracy"])
        self.assertAlmostEqual(1 - oos_errors / oos, out["oos_recall"])
        for pair in out["confused_pairs"]:
            self.assertEqual(len(pair["intents"]), 2)
            self.assertGreaterEqual(pair["count"], len(pair["examples"]))
            for text in pair["examples"]:
                self.assertIn(expected[text], pair["intents"])

    def test_eval_errors_prints_each_message_as_text(self):
        result = run("eval", self.model("clinc"), CLINC, "--errors")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("not answered right", result.stdout)
        self.assertIn(" -> ", result.stdout)

    def test_train_explains_out_of_scope_examples_and_the_threshold(self):
        report = self.train_runs["kb"].stderr
        self.assertIn("built-in off-topic messages", report)
        self.assertIn("answer threshold", report)
        self.assertIn("auto: chosen in training", report)

    def test_train_predicts_new_messages_with_a_range(self):
        report = self.train_runs["kb"].stderr
        answered, right, wrong = self.figures(
            report, r"held out: ([\d.]+)% of in-scope examples answered, ([\d.]+)% answered "
            r"right, ([\d.]+)% answered wrong")
        self.assertAlmostEqual(answered, right + wrong, delta=0.11)
        point, low, high, examples, expected_wrong = self.figures(
            report, r"expect about (\d+)% of new in-scope questions like these examples "
            r"answered right \(90% range (\d+)-(\d+)% from (\d+) held-out "
            r"examples\) and (\d+)% answered wrong")
        self.assertLess(low, point)
        self.assertLess(point, high)
        self.assertGreater(examples, 100)  # the demo KB's own in-scope examples
        self.assertAlmostEqual(expected_wrong, wrong, delta=0.51)
        self.assertIn("without its near-duplicates", report)

    def test_train_holds_out_of_scope_recall_to_its_lower_bound(self):
        recall, examples, bound = self.figures(
            self.train_runs["clinc"].stderr, r"out-of-scope recall ([\d.]+)% of (\d+) \(its 90%-confidence lower "
            r"bound ([\d.]+)%, the figure held to 85%")
        self.assertGreater(examples, 0)
        self.assertLess(bound, recall)

    def test_train_warns_about_thin_and_misread_intents(self):
        kb = {"tandem_kb": 1, "name": "Tiny shop", "intents": [
            {"id": "refund", "answer": "Refunds take 5 days.",
             "examples": ["i want a refund", "money back please", "refund my order",
                          "where is my refund for the order"]},
            {"id": "delivery", "answer": "Track it in your account.",
             "examples": ["where is my parcel", "delivery is late", "track my order",
                          "my order has not arrived"]}],
            "out_of_scope": {"examples": ["do you sell cars", "can you fix my phone"]}}
        path = self.path("tiny.json")
        with open(path, "w") as f:
            json.dump(kb, f)
        result = run("train", path, "-o", self.path("tiny.tandem"), "--folds", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("warning: delivery has 4 examples; add 6 or more", result.stderr)
        self.assertIn("warning: refund has 4 examples", result.stderr)
        self.assertIn("and 2 of the data's own", result.stderr)
        self.assertIn("expect about", result.stderr)

    def test_a_numeric_answer_threshold_is_reported_and_used(self):
        with open(DEMO_KB, encoding="utf-8") as f:
            kb = json.load(f)
        kb.setdefault("policy", {})["answer_threshold"] = 0.15
        path = self.path("pinned.json")
        with open(path, "w") as f:
            json.dump(kb, f)
        model = self.path("pinned.tandem")
        result = run("train", path, "-o", model, "--folds", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("answer threshold 0.150 (set in the knowledge base)", result.stderr)
        heldout = data("tests", "data", "demo_kb", "heldout.csv")
        out = json.loads(run("eval", model, heldout, "--json", "--errors").stdout)
        for e in out["errors"]:
            self.assertAlmostEqual(e["answer_threshold"], 0.15, places=6)
            if e["outcome"] == "declined" and e["reason"] == "below_threshold":
                self.assertLess(e["confidence"], 0.15)

    # --- bad input ---------------------------------------------------------

    def test_missing_data_file(self):
        missing = self.path("no-such-file.csv")
        out = self.path("never.tandem")
        self.assert_clean_failure(run("train", missing, "-o", out), "no-such-file.csv")
        self.assertFalse(os.path.exists(out))
        self.assert_clean_failure(run("eval", self.model("kb"), missing), "no-such-file.csv")

    def test_missing_model_file(self):
        missing = self.path("no-such-model.tandem")
        self.assert_clean_failure(run("ask", missing, "hello"), "no-such-model.tandem")
        self.assert_clean_failure(run("eval", missing, BANKING), "no-such-model.tandem")

    def test_malformed_knowledge_bases(self):
        own = self.write("bad_kb.json", json.dumps({
            "tandem_kb": 1, "name": "Shop",
            "intents": [{"id": "refund", "examples": ["refund"], "answer": ""}]}))
        truncated = self.write("truncated_kb.json", '{"tandem_kb": 1, "intents": [')
        for source in (data("tests", "data", "kb", "bad_many.json"),
                       data("tests", "data", "kb", "bad_syntax.json"), own, truncated):
            with self.subTest(kb=os.path.basename(source)):
                out = self.path("bad.tandem")
                self.assert_clean_failure(run("train", source, "-o", out),
                                          os.path.basename(source))
                self.assertFalse(os.path.exists(out))

    def test_hostile_training_data_fails_fast_with_a_clear_message(self):
        labels = self.write("labels.csv", "text,category\n" +
                            "".join(f"message {i},label_{i}\n" for i in range(70000)))
        all_oos = self.write("all_oos.csv", "text,category\nhello,oos\nweather,oos\n")
        repeated_key = self.write("repeated_key.json", json.dumps({
            "tandem_kb": 1, "name": "Shop",
            "intents": [{"id": "refund", "examples": ["a", "b", "c"], "answer": "x"}]})
            .replace('"answer": "x"', '"answer": "x", "answer": "y"'))
        escape = self.write("escape_kb.json", json.dumps({
            "tandem_kb": 1, "name": "Shop",
            "intents": [{"id": "re\x1b[31mfund", "examples": ["a", "b", "c"], "answer": "x"},
                        {"id": "re\x1b[31mfund", "examples": ["d", "e", "f"], "answer": "y"}]}))
        cases = ((labels, "distinct labels"), (all_oos, "out of scope"),
                 (repeated_key, '/intents/0/answer: duplicate key "answer"'),
                 (escape, "re\\x1B[31mfund"))
        for source, fragment in cases:
            with self.subTest(data=os.path.basename(source)):
                result = run("train", source, "-o", self.path("x.tandem"))
                self.assert_clean_failure(result, fragment)
                self.assertNotIn("\x1b", result.stderr)
                self.assertFalse(os.path.exists(self.path("x.tandem")))

    def test_eval_errors_escape_control_characters(self):
        source = self.write("escape_eval.csv",
                            "text,category\n\"zz\x1b[2J\x1b]0;pwned\x07 blorp\",payment_status\n")
        result = run("eval", self.model("kb"), source, "--errors")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("zz\\x1B[2J", result.stdout)
        self.assertNotIn("\x1b", result.stdout + result.stderr)
        self.assertNotIn("\x07", result.stdout + result.stderr)

    def test_csv_with_a_bad_header(self):
        source = self.write("bad_header.csv", "utterance,label\nwhere is my card,card_arrival\n")
        self.assert_clean_failure(run("train", source, "-o", self.path("x.tandem")),
                                  "bad_header.csv")

    def test_unusable_data_files(self):
        empty = self.write("empty.csv", "")
        binary = self.write("binary.csv", bytes(range(256)) * 4, mode="wb")
        for source in (empty, binary, self.tmp):  # the last one is a directory
            with self.subTest(data=source):
                self.assert_clean_failure(run("train", source, "-o", self.path("x.tandem")))

    def test_truncated_and_foreign_model_files(self):
        with open(self.model("kb"), "rb") as f:
            model = f.read()
        cases = {
            "truncated": model[: len(model) // 2],
            "header-only": model[:16],
            "empty": b"",
            "foreign": b"PK\x03\x04" + model[4:],
        }
        for name, content in cases.items():
            with self.subTest(model=name):
                path = self.write(name + ".tandem", content, mode="wb")
                self.assert_clean_failure(run("ask", path, "where is my refund"), path)
                self.assert_clean_failure(run("eval", path, DEMO_KB, "--json"), path)

    def test_a_data_file_is_not_a_model(self):
        self.assert_clean_failure(run("ask", DEMO_KB, "hello"), "kb.json")

    def test_usage_errors(self):
        cases = {
            "no command": [],
            "unknown command": ["frobnicate"],
            "train without -o": ["train", DEMO_KB],
            "-o without a value": ["train", DEMO_KB, "-o"],
            "train without data": ["train", "-o", self.path("x.tandem")],
            "bad folds": ["train", DEMO_KB, "-o", self.path("x.tandem"), "--folds", "1"],
            "bad seed": ["train", DEMO_KB, "-o", self.path("x.tandem"), "--seed", "abc"],
            "unknown flag": ["train", DEMO_KB, "-o", self.path("x.tandem"), "--fast"],
            "ask without text": ["ask", self.models["kb"]],
            "eval without data": ["eval", self.models["kb"]],
        }
        for name, args in cases.items():
            with self.subTest(case=name):
                self.assert_clean_failure(run(*args))
        self.assertIn("frobnicate", run("frobnicate").stderr)
        self.assertFalse(os.path.exists(self.path("x.tandem")))

    def test_unwritable_output(self):
        out = os.path.join(self.path("no-such-dir"), "model.tandem")
        self.assert_clean_failure(run("train", DEMO_KB, "-o", out, "--folds", "2"), "no-such-dir")


class NeuralCliTest(unittest.TestCase):
    """`--neural`: the network written beside the model file, evaluated and asked."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="tandem-cli-neural-")
        cls.model = os.path.join(cls.tmp, "clinc.tandem")
        cls.onnx = os.path.join(cls.tmp, "clinc.onnx")
        cls.train_run = run("train", CLINC, "-o", cls.model, "--folds", "2", "--neural")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.assertEqual(self.train_run.returncode, 0, self.train_run.stderr)

    def copy_model(self, folder, onnx_bytes=None):
        """The model file alone in a folder, with `onnx_bytes` as its sibling if given."""
        folder = os.path.join(self.tmp, folder)
        os.makedirs(folder, exist_ok=True)
        model = shutil.copy(self.model, folder)
        if onnx_bytes is not None:
            with open(os.path.join(folder, "clinc.onnx"), "wb") as f:
                f.write(onnx_bytes)
        return model

    def eval_json(self, model):
        result = run("eval", model, CLINC, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout), result.stderr

    def test_train_writes_the_network_beside_the_model(self):
        self.assertIn("clinc.onnx", self.train_run.stderr)
        self.assertGreater(os.path.getsize(self.onnx), 1000)

    def test_eval_reports_the_engine_the_network_and_their_fusion(self):
        metrics, _ = self.eval_json(self.model)
        for part in ("neural", "fused"):
            self.assertLessEqual(EVAL_KEYS, set(metrics[part]))
            self.assertEqual(metrics[part]["n"], metrics["n"])
            for key in ("accuracy", "in_scope_accuracy", "oos_recall", "macro_f1"):
                self.assertGreaterEqual(metrics[part][key], 0.0)
                self.assertLessEqual(metrics[part][key], 1.0)
        # The top level is the engine alone, as without the network.
        alone, _ = self.eval_json(self.copy_model("alone"))
        self.assertNotIn("neural", alone)
        for key in EVAL_KEYS - {"latency_us_p50", "latency_us_p99"}:
            self.assertEqual(metrics[key], alone[key], key)
        table = run("eval", self.model, CLINC)
        self.assertIn("fused", table.stdout)

    def test_ask_fuses_the_network_and_shows_its_feeds(self):
        plain = json.loads(run("ask", self.model, "what is my credit score").stdout)
        self.assertNotIn("neural", plain)
        result = run("ask", self.model, "what is my credit score", "--neural", "--logits")
        self.assertEqual(result.returncode, 0, result.stderr)
        decision = json.loads(result.stdout)
        self.assertIn(decision["action"], ACTIONS)
        neural = decision["neural"]
        self.assertEqual(len(neural["rows"]), len(neural["weights"]))
        self.assertGreater(len(neural["rows"]), 0)
        self.assertGreater(len(neural["logits"]), 1)
        self.assertGreater(neural["fingerprint"], 0)
        self.assertNotIn("neural", json.loads(run("ask", self.model, "hi", "--neural").stdout))

    def test_a_network_from_another_training_is_ignored_with_a_note(self):
        # Retrained without --neural, an old clinc.onnx left beside it.
        folder = os.path.join(self.tmp, "stale")
        os.makedirs(folder, exist_ok=True)
        model = os.path.join(folder, "clinc.tandem")
        self.assertEqual(run("train", CLINC, "-o", model, "--folds", "2").returncode, 0)
        shutil.copy(self.onnx, folder)
        metrics, stderr = self.eval_json(model)
        self.assertNotIn("neural", metrics)
        self.assertIn("clinc.onnx", stderr)

    def test_bad_network_files_fail_cleanly(self):
        with open(self.onnx, "rb") as f:
            onnx_bytes = f.read()
        cases = {"garbage": b"\x00\x01not a model at all",
                 "truncated": onnx_bytes[: len(onnx_bytes) // 2]}
        for name, content in cases.items():
            with self.subTest(case=name):
                model = self.copy_model(name, content)
                onnx = os.path.join(os.path.dirname(model), "clinc.onnx")
                assert_clean = CliTest.assert_clean_failure
                assert_clean(self, run("eval", model, CLINC, "--json"), onnx)
                assert_clean(self, run("ask", model, "hello", "--neural"), onnx)

    def test_neural_usage_errors(self):
        without = self.copy_model("without")
        CliTest.assert_clean_failure(self, run("ask", without, "hello", "--neural"), "--neural")
        CliTest.assert_clean_failure(self, run("ask", self.model, "hello", "--logits"))


def main():
    global TANDEM, ROOT, BANKING, CLINC, DEMO_KB
    args = sys.argv[1:]
    if len(args) >= 2 and not args[0].startswith("-"):
        TANDEM, ROOT, args = os.path.abspath(args[0]), os.path.abspath(args[1]), args[2:]
    if not (os.access(TANDEM, os.X_OK) and os.path.isdir(ROOT)):
        sys.exit(__doc__)
    BANKING = data("tests", "data", "banking77", "sample.csv")
    CLINC = data("tests", "data", "clinc150", "sample.json")
    DEMO_KB = data("web", "demo", "kb.json")
    unittest.main(argv=[sys.argv[0], *args], verbosity=2)


if __name__ == "__main__":
    main()
