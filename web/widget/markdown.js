// A safe Markdown subset for answers: paragraphs, "- " lists, **bold**, *em*
// and [links](https://...). Text is parsed into a small tree and rendered with
// createElement/textContent, so nothing in an answer can become markup.

const INLINE_RULES = [
  { type: 'link', pattern: /\[([^\]\n]+)\]\(([^()\s]+)\)/ },
  { type: 'strong', pattern: /\*\*(?!\s)([^\n]+?)\*\*(?!\*)/ },
  { type: 'em', pattern: /\*(?![\s*])([^*\n]+?)\*/ },
];

// Only absolute https URLs become links; anything else (javascript:, data:,
// relative paths, http) is shown as its label only.
export function safeHref(href) {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function earliestMatch(text, rules) {
  let best = null;
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match && (!best || match.index < best.match.index)) best = { rule, match };
  }
  return best;
}

export function parseInline(text, rules = INLINE_RULES) {
  const nodes = [];
  let rest = text;
  while (rest) {
    const found = earliestMatch(rest, rules);
    if (!found) {
      nodes.push({ type: 'text', text: rest });
      break;
    }
    const { rule, match } = found;
    if (match.index > 0) nodes.push({ type: 'text', text: rest.slice(0, match.index) });
    const inner = rules.filter((r) => r.type !== rule.type);
    if (rule.type === 'link') {
      const href = safeHref(match[2]);
      const children = parseInline(match[1], inner);
      nodes.push(href ? { type: 'link', href, children } : { type: 'span', children });
    } else {
      nodes.push({ type: rule.type, children: parseInline(match[1], inner) });
    }
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

const LIST_ITEM = /^\s*[-•]\s+(.*)$/;

export function parseMarkdown(source) {
  const blocks = [];
  let paragraph = null;
  let list = null;
  for (const line of String(source).split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      paragraph = null;
      if (!list) blocks.push((list = { type: 'list', items: [] }));
      list.items.push(parseInline(item[1]));
    } else if (!line.trim()) {
      paragraph = list = null;
    } else {
      list = null;
      if (paragraph) paragraph.children.push({ type: 'br' }, ...parseInline(line));
      else blocks.push((paragraph = { type: 'paragraph', children: parseInline(line) }));
    }
  }
  return blocks;
}

const TAGS = { strong: 'strong', em: 'em', span: 'span', paragraph: 'p' };

function renderNodes(doc, parent, nodes) {
  for (const node of nodes) {
    if (node.type === 'text') {
      parent.append(doc.createTextNode(node.text));
    } else if (node.type === 'br') {
      parent.append(doc.createElement('br'));
    } else if (node.type === 'link') {
      const a = doc.createElement('a');
      a.href = node.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      renderNodes(doc, a, node.children);
      parent.append(a);
    } else {
      const element = doc.createElement(TAGS[node.type]);
      renderNodes(doc, element, node.children);
      parent.append(element);
    }
  }
}

export function renderMarkdown(doc, source) {
  const fragment = doc.createDocumentFragment();
  for (const block of parseMarkdown(source)) {
    if (block.type === 'list') {
      const ul = doc.createElement('ul');
      for (const item of block.items) {
        const li = doc.createElement('li');
        renderNodes(doc, li, item);
        ul.append(li);
      }
      fragment.append(ul);
    } else {
      renderNodes(doc, fragment, [block]);
    }
  }
  return fragment;
}
