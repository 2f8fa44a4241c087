// The scripted conversations (bench/data/*_conversations.json) replayed
// through the real widget in Chromium: each customer message goes through
// send(), each scripted chip is clicked in the panel, and the handoff is
// read from the bundle the widget built. Prints Markdown figures.
//
//   bash scripts/demo.sh --build
//   node bench/conversation_replay.mjs [--data FILE] [--limit N] [--list-failures]
//
// The data: { knowledge_bases?: { key: kb.json path }, conversations: [{
// kb?, messages, expect: resolved | handoff, intents?, reason?, intent?,
// queue?, priority?, details? }] }, where a message is a string, { text,
// person?: true } (a request for a person: two of them without a handoff in
// between are a trap), or { choose: id } / { chip: label } (a click on the
// clarification chip with that id or label; skipped when no chips are
// shown, a failure when the shown ones lack it). `kb` is a key of
// knowledge_bases (default "demo") or a kb.json path, relative to the
// repository; each is trained once with build/release/bin/tandem, except the
// demo's, whose site.tandem the build already holds. Messages after a
// handoff are not sent. A repeated detail request is a collect reply asking
// for a detail the session already holds or that was asked before.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../web/tools/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_DIR = path.resolve(ROOT, process.env.TANDEM_WEB_DIR ?? 'build/web');
const TANDEM = path.resolve(ROOT, process.env.TANDEM_BIN ?? 'build/release/bin/tandem');
export const DEFAULT_DATA = path.join(ROOT, 'bench/data/demo_conversations.json');

const steps = (conversation) =>
  conversation.messages.map((m) => (typeof m === 'string' ? { text: m } : m));

// Runs in the page: one scripted step, returning the bot's decision (null
// when the bot stays quiet because a person has the conversation).
async function pageStep(step) {
  const chat = document.querySelector('tandem-chat');
  if (step.text !== undefined) return chat.send(step.text);
  const chips = [...chat.shadowRoot.querySelectorAll('[part~="suggestion"]')];
  if (!chips.length) return { skipped: true };
  const chip = chips.find((c) => (step.choose ? c.dataset.id === step.choose : c.textContent === step.chip));
  if (!chip) return { missingChip: true, offered: chips.map((c) => c.dataset.id || c.textContent) };
  const reply = new Promise((resolve) => chat.addEventListener('tandem:reply', (e) => resolve(e.detail), { once: true }));
  chip.click();
  return reply;
}

// Runs in the page: the details the stored session holds (the widget's own record).
function heldDetails() {
  const chat = document.querySelector('tandem-chat');
  const key = `tandem:conversation:${new URL(chat.getAttribute('kb'), document.baseURI).href}`;
  return Object.keys(JSON.parse(localStorage.getItem(key) ?? 'null')?.session?.details ?? {});
}

// One conversation on a page already showing the widget with its KB.
export async function replayOne(page, conversation) {
  await page.evaluate(() => {
    const chat = document.querySelector('tandem-chat');
    chat.clear();
    window.__handoff = null;
    chat.addEventListener('tandem:handoff', (e) => (window.__handoff ??= e.detail), { once: true });
  });
  const run = { answered: [], asked: [], repeatedAsks: 0, trace: [], missingChips: 0, personAsks: 0, trapped: false, confirmations: 0, confirmed: 0, clarifications: 0, picked: 0 };
  const meant = (id) => id === conversation.intent || (conversation.intents ?? []).includes(id);
  const script = steps(conversation);
  for (const [index, scripted] of script.entries()) {
    // A clarification the script does not answer itself (its next step is
    // not a click, nor a request for a person the customer types instead) is
    // answered as the customer would, as the native bench does: the chip of
    // what they meant when it is offered ("Yes" to "Did you mean X?" is X's),
    // "something else" otherwise.
    const next = script[index + 1];
    const answerOf = (decision) => {
      if (decision?.action !== 'clarify' || next?.choose || next?.chip || next?.person) return null;
      const ids = (decision.choices ?? []).map((c) => c.id);
      const picked = ids.find(meant);
      return picked || ids.includes('tandem:other') ? { picked: Boolean(picked), choose: picked ?? 'tandem:other' } : null;
    };
    let step = scripted;
    while (step) {
      // A person has it: the script stops there.
      if (await page.evaluate(() => window.__handoff !== null)) break;
      if (step.person && ++run.personAsks >= 2) run.trapped = true;
      const held = await page.evaluate(heldDetails);
      const current = step;
      const decision = await page.evaluate(pageStep, current);
      step = null;
      const answer = answerOf(decision);
      if (answer) {
        run[decision.confirm ? 'confirmations' : 'clarifications'] += 1;
        run[decision.confirm ? 'confirmed' : 'picked'] += answer.picked ? 1 : 0;
        step = { choose: answer.choose };
      }
      if (decision?.skipped) continue;
      if (decision?.missingChip) {
        run.missingChips += 1;
        run.trace.push(`no chip ${current.choose ?? current.chip} (offered ${decision.offered.join(', ')})`);
        continue;
      }
      run.trace.push(`${decision.action} ${decision.intent ?? '-'}`);
      if (decision.action === 'answer') run.answered.push(decision.intent);
      if (decision.action === 'handoff') run.handoffIntent = decision.intent ?? null;
      if (decision.action === 'collect' && decision.asking_for) {
        if (run.asked.includes(decision.asking_for) || held.includes(decision.asking_for)) run.repeatedAsks += 1;
        run.asked.push(decision.asking_for);
      }
    }
  }
  run.bundle = await page.evaluate(() => window.__handoff);
  return run;
}

export function score(conversation, run) {
  const bundle = run.bundle;
  const result = { expect: conversation.expect, handedOff: Boolean(bundle), repeatedAsks: run.repeatedAsks, trapped: run.trapped, confirmations: run.confirmations, confirmed: run.confirmed, clarifications: run.clarifications, picked: run.picked };
  if (conversation.expect !== 'handoff') {
    result.ok = !bundle && (conversation.intents ?? []).every((id) => run.answered.includes(id)) && run.missingChips === 0;
    return result;
  }
  if (!bundle) return { ...result, ok: false };
  const details = Object.keys(bundle.details ?? {});
  result.rightReason = !conversation.reason || bundle.reason?.code === conversation.reason;
  // The intent decides queue and priority; a script may also name them.
  result.rightRoute =
    (!conversation.intent || run.handoffIntent === conversation.intent) &&
    (!conversation.queue || bundle.intent?.queue === conversation.queue) &&
    (!conversation.priority || bundle.intent?.priority === conversation.priority);
  result.allDetails = (conversation.details ?? []).every((name) => details.includes(name));
  result.ok = result.rightReason && result.rightRoute && result.allDetails;
  return result;
}

const share = (part, whole) => `${part} / ${whole} | ${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

export function figures(results) {
  const routine = results.filter((r) => r.expect !== 'handoff');
  const handoffs = results.filter((r) => r.expect === 'handoff');
  const count = (list, key) => list.filter((r) => r[key]).length;
  return {
    conversations: results.length,
    routineResolved: [routine.filter((r) => r.ok).length, routine.length],
    wrongHandoffs: [count(routine, 'handedOff'), routine.length],
    handedOff: [count(handoffs, 'handedOff'), handoffs.length],
    rightReason: [count(handoffs, 'rightReason'), handoffs.length],
    rightRoute: [count(handoffs, 'rightRoute'), handoffs.length],
    allDetails: [count(handoffs, 'allDetails'), handoffs.length],
    traps: count(results, 'trapped'),
    repeatedDetailRequests: results.reduce((sum, r) => sum + r.repeatedAsks, 0),
    confirmations: [results.reduce((sum, r) => sum + (r.confirmations ?? 0), 0), results.reduce((sum, r) => sum + (r.confirmed ?? 0), 0)],
    clarifications: [results.reduce((sum, r) => sum + (r.clarifications ?? 0), 0), results.reduce((sum, r) => sum + (r.picked ?? 0), 0)],
  };
}

export function printFigures(f, log = console.log) {
  log('| conversations replayed in Chromium through <tandem-chat> | count | share |');
  log('|---|---|---|');
  log(`| routine ones resolved (every listed intent answered, no handoff) | ${share(...f.routineResolved)} |`);
  log(`| routine ones handed off wrongly | ${share(...f.wrongHandoffs)} |`);
  log(`| expected handoffs that reached a person | ${share(...f.handedOff)} |`);
  log(`| ... with the expected reason | ${share(...f.rightReason)} |`);
  log(`| ... with the expected intent, queue and priority (where the script names them) | ${share(...f.rightRoute)} |`);
  log(`| ... with every detail the script gave | ${share(...f.allDetails)} |`);
  log(`| traps (asked for a person twice without a handoff in between) | ${f.traps} | of ${f.conversations} |`);
  log(`| repeated detail requests (a detail held or asked for before) | ${f.repeatedDetailRequests} | |`);
  log(`| "Did you mean ...?" confirmations asked (answered yes) | ${f.confirmations[0]} (${f.confirmations[1]}) | |`);
  log(`| "A or B?" clarifications the customer clicked (on what they meant) | ${f.clarifications[0]} (${f.clarifications[1]}) | |`);
}

const DEMO_KB = path.join(ROOT, 'web/demo/kb.json');

// Every knowledge base the data names, compiled into a copy of the built site
// (the demo's is the built site.tandem).
async function siteFor(data, conversations) {
  const kbPath = (c) => path.resolve(ROOT, data.knowledge_bases?.[c.kb ?? 'demo'] ?? c.kb ?? DEMO_KB);
  const others = new Set(conversations.map(kbPath).filter((kb) => kb !== DEMO_KB));
  const files = new Map([[DEMO_KB, 'site.tandem']]);
  if (!others.size) return { root: WEB_DIR, kbFile: () => 'site.tandem', remove: async () => {} };
  const root = await mkdtemp(path.join(tmpdir(), 'tandem-replay-'));
  await cp(WEB_DIR, root, { recursive: true });
  for (const kb of others) {
    const file = `replay-${files.size}.tandem`;
    execFileSync(TANDEM, ['train', kb, '-o', path.join(root, file)], { stdio: ['ignore', 'ignore', 'inherit'] });
    files.set(kb, file);
  }
  return { root, kbFile: (c) => files.get(kbPath(c)), remove: () => rm(root, { recursive: true, force: true }) };
}

// Replays `limit` conversations (all by default) and returns per-conversation results.
export async function replay({ dataFile = DEFAULT_DATA, limit = Infinity, browser } = {}) {
  const data = JSON.parse(await readFile(dataFile, 'utf8'));
  const conversations = data.conversations.slice(0, limit);
  const site = await siteFor(data, conversations);
  const server = await startServer({ root: site.root, port: 0 });
  const page = await browser.newPage();
  const results = [];
  try {
    let shownKb = null;
    for (const conversation of conversations) {
      const kb = site.kbFile(conversation);
      if (kb !== shownKb) {
        await page.goto(server.url);
        await page.evaluate((file) => {
          localStorage.clear();
          document.querySelector('tandem-chat').setAttribute('kb', file);
        }, kb);
        shownKb = kb;
      }
      const run = await replayOne(page, conversation);
      results.push({ conversation, run, ...score(conversation, run) });
    }
  } finally {
    await page.close();
    await server.close();
    await site.remove();
  }
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const context = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const results = await replay({
      dataFile: option('--data') ? path.resolve(option('--data')) : DEFAULT_DATA,
      limit: option('--limit') ? Number(option('--limit')) : Infinity,
      browser: context,
    });
    printFigures(figures(results));
    // Conversations written before the policy was tuned, apart.
    for (const [title, held] of [['tuned on', false], ['held out (written before tuning)', true]]) {
      const part = results.filter((r) => Boolean(r.conversation.held_out) === held);
      if (part.length === results.length || !part.length) continue;
      console.log(`\nConversations ${title}:\n`);
      printFigures(figures(part));
    }
    if (args.includes('--list-failures')) {
      for (const [i, r] of results.entries()) {
        if (!r.ok) console.log(`- #${i + 1} "${steps(r.conversation)[0].text ?? ''}": expected ${r.expect}; got ${r.run.trace.join(', ')}${r.run.bundle ? ` -> handoff ${r.run.bundle.reason?.code}` : ''}`);
      }
    }
  } finally {
    await context.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
