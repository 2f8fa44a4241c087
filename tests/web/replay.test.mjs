// CI's run of bench/conversation_replay.mjs: every scripted conversation
// through the real widget in Chromium, figures printed (issue 10). The
// figures are reported, not asserted: what is checked is that the replay
// itself ran every conversation and every scripted step through the widget.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { DEFAULT_DATA, figures, printFigures, replay } from '../../bench/conversation_replay.mjs';
import { launchBrowser } from './harness.mjs';

test('the scripted conversations replay through the widget in Chromium (figures printed)', async () => {
  const { conversations } = JSON.parse(await readFile(DEFAULT_DATA, 'utf8'));
  const browser = await launchBrowser();
  try {
    const results = await replay({ browser: browser.context });
    assert.equal(results.length, conversations.length);
    for (const { conversation, run, handedOff } of results) {
      // Until a person takes over, every step gets a decision (or a missing-chip note).
      assert.ok(run.trace.length >= 1, `no decision for "${conversation.messages[0]}"`);
      assert.equal(handedOff, run.bundle !== null);
      if (run.bundle) assert.equal(run.bundle.schema, 'tandem.handoff/1');
    }
    const shown = [];
    printFigures(figures(results), (line) => shown.push(line));
    console.log(shown.join('\n'));
    assert.equal(figures(results).conversations, conversations.length);
  } finally {
    await browser.close();
  }
});
