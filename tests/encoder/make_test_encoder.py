#!/usr/bin/python3
"""Writes a small BERT-shaped sentence encoder with random weights (fixed seed)
and its vocab.txt, for the encoder tests: nothing is downloaded, ever.

  /usr/bin/python3 tests/encoder/make_test_encoder.py OUT_DIR
  -> OUT_DIR/encoder.onnx, OUT_DIR/vocab.txt

The tests (tests/encoder/*.test.mjs) run it into a temporary folder. Needs
Debian's python3-onnx and python3-numpy, not PyPI.

The graph is what optimum exports for a BERT encoder, shrunk: inputs input_ids,
attention_mask, token_type_ids (int64 [batch, sequence]); word + position +
token-type embeddings, LayerNormalization, one transformer layer (two-head
MatMul attention with a softmax and the attention mask, a GELU feed-forward
written with Erf), output last_hidden_state float32 [batch, sequence, 32].
Random weights prove shapes, tokenisation and plumbing, not accuracy."""
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 32
HEADS = 2
FEED_FORWARD = 64
MAX_POSITIONS = 128
SEED = 20240611

SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
WORDS = '''a about account address after again all am an and any app are as at available back
bank be been before but by can cancel card change charge charged check close code contact cost
could credit customer date day days delivery did do does don email every fee fees for from get
go has have help hi hello how i if in instalment into is it its late like limit login long make
me money month more my need new no not now number of off on one open or order other out paid
password pay payment person phone plan please plan refund reset return same see send service
shipping should show so speak still support take than thank thanks that the there this through
time to today two up us use was way we week what when where which why will with work would you
your hours weekend weekends opening team open closed talk agent human real someone fraud stolen
lost'''.split()
SUFFIXES = ['##s', '##ed', '##ing', '##ly', '##er', '##es', '##ment', '##ion', '##al', '##y']


def vocabulary():
    tokens = list(SPECIAL)
    tokens += [chr(c) for c in range(33, 127) if not chr(c).isalnum()]
    tokens += [chr(c) for c in range(ord('0'), ord('9') + 1)]
    tokens += [chr(c) for c in range(ord('a'), ord('z') + 1)]
    tokens += ['##' + chr(c) for c in range(ord('a'), ord('z') + 1)]
    tokens += ['##' + chr(c) for c in range(ord('0'), ord('9') + 1)]
    tokens += SUFFIXES + WORDS
    return list(dict.fromkeys(tokens))  # each token once, first place kept


class Graph:
    def __init__(self, rng):
        self.rng = rng
        self.nodes, self.initializers, self.count = [], [], 0

    def weight(self, name, shape, scale):
        values = self.rng.normal(0.0, scale, shape).astype(np.float32)
        return self.constant(name, values)

    def constant(self, name, values):
        self.initializers.append(numpy_helper.from_array(np.asarray(values), name))
        return name

    def op(self, op_type, inputs, **attributes):
        self.count += 1
        out = f'{op_type.lower()}_{self.count}'
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attributes))
        return out

    def dense(self, x, name, n_in, n_out):
        w = self.weight(f'{name}.weight', (n_in, n_out), 1.0 / math.sqrt(n_in))
        b = self.weight(f'{name}.bias', (n_out,), 0.02)
        return self.op('Add', [self.op('MatMul', [x, w]), b])

    def layer_norm(self, x, name):
        gamma = self.constant(f'{name}.gamma', np.ones(HIDDEN, np.float32))
        beta = self.constant(f'{name}.beta', np.zeros(HIDDEN, np.float32))
        return self.op('LayerNormalization', [x, gamma, beta], axis=-1, epsilon=1e-12)


def build(vocab_size):
    g = Graph(np.random.default_rng(SEED))
    head = HIDDEN // HEADS
    # Embeddings: word + position + token type.
    words = g.op('Gather', [g.weight('word_embeddings', (vocab_size, HIDDEN), 1.0), 'input_ids'])
    length = g.op('Gather', [g.op('Shape', ['input_ids']), g.constant('one', np.array(1, np.int64))])
    positions = g.op('Range', [g.constant('zero', np.array(0, np.int64)), length, 'one'])
    position = g.op('Gather', [g.weight('position_embeddings', (MAX_POSITIONS, HIDDEN), 1.0),
                               positions])
    types = g.op('Gather', [g.weight('token_type_embeddings', (2, HIDDEN), 1.0), 'token_type_ids'])
    x = g.layer_norm(g.op('Add', [g.op('Add', [words, position]), types]), 'embeddings')

    # Self-attention, padding masked out with a large negative bias.
    split = g.constant('split_shape', np.array([0, 0, HEADS, head], np.int64))

    def heads(name, perm):
        return g.op('Transpose', [g.op('Reshape', [g.dense(x, name, HIDDEN, HIDDEN), split])],
                    perm=perm)

    q = heads('query', [0, 2, 1, 3])
    k = heads('key', [0, 2, 3, 1])
    v = heads('value', [0, 2, 1, 3])
    scores = g.op('Div', [g.op('MatMul', [q, k]),
                          g.constant('scale', np.array(math.sqrt(head), np.float32))])
    mask = g.op('Cast', ['attention_mask'], to=TensorProto.FLOAT)
    bias = g.op('Mul', [g.op('Sub', [g.constant('ones', np.array(1.0, np.float32)), mask]),
                        g.constant('minus_big', np.array(-10000.0, np.float32))])
    bias = g.op('Unsqueeze', [bias, g.constant('mask_axes', np.array([1, 2], np.int64))])
    probabilities = g.op('Softmax', [g.op('Add', [scores, bias])], axis=-1)
    context = g.op('Transpose', [g.op('MatMul', [probabilities, v])], perm=[0, 2, 1, 3])
    context = g.op('Reshape', [context, g.constant('merge_shape', np.array([0, 0, HIDDEN], np.int64))])
    x = g.layer_norm(g.op('Add', [x, g.dense(context, 'attention.output', HIDDEN, HIDDEN)]),
                     'attention')

    # Feed-forward with GELU(h) = 0.5 h (1 + erf(h / sqrt 2)).
    h = g.dense(x, 'intermediate', HIDDEN, FEED_FORWARD)
    erf = g.op('Erf', [g.op('Div', [h, g.constant('sqrt2', np.array(math.sqrt(2), np.float32))])])
    gelu = g.op('Mul', [g.op('Mul', [h, g.constant('half', np.array(0.5, np.float32))]),
                        g.op('Add', [erf, 'ones'])])
    out = g.layer_norm(g.op('Add', [x, g.dense(gelu, 'output', FEED_FORWARD, HIDDEN)]), 'output')
    g.nodes.append(helper.make_node('Identity', [out], ['last_hidden_state']))

    dims = ['batch', 'sequence']
    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, dims)
              for n in ('input_ids', 'attention_mask', 'token_type_ids')]
    output = helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT,
                                           dims + [HIDDEN])
    graph = helper.make_graph(g.nodes, 'tiny_bert', inputs, [output], g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)],
                              producer_name='tandem-tests')
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make_test_encoder.py OUT_DIR')
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    tokens = vocabulary()
    with open(os.path.join(out_dir, 'vocab.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(tokens) + '\n')
    onnx.save(build(len(tokens)), os.path.join(out_dir, 'encoder.onnx'))


main()
