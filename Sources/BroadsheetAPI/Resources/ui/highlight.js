// highlight.js — turns a stretch of document text plus annotation spans (UTF-16 `start`/`end`
// offsets, the same units as JavaScript string indices) into DOM. Spans are clipped to the
// stretch and nested into a tree: a span inside another becomes its child; a span that crosses
// another's edge (partial overlap) is dropped, so the output is always well nested. Text only
// ever becomes text nodes; the caller's `make` builds the element for each span.

// For spans with the same range, the outer one: quotes hold entities, entities hold times.
const ORDER = { quote: 0, entity: 1, timex: 2 };

/**
 * renderSpans(text, from, to, spans, make) → DocumentFragment
 * make(span, content, ancestors) returns the Node to insert for `span` (having put `content`,
 * a fragment of its inner text and children, inside it), or null to insert `content` bare.
 * `ancestors` are the enclosing spans, outermost first.
 */
export function renderSpans(text, from, to, spans, make) {
  const root = { start: from, end: to, kids: [] };
  const items = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (Number.isInteger(start) && Number.isInteger(end) && start < end) {
      items.push({ span, start, end, kids: [] });
    }
  }
  items.sort((a, b) => a.start - b.start || b.end - a.end
    || (ORDER[a.span.kind] ?? 9) - (ORDER[b.span.kind] ?? 9));
  const stack = [root];
  for (const item of items) {
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (item.end > parent.end) continue; // crosses the parent's end: drop it
    parent.kids.push(item);
    stack.push(item);
  }
  return build(text, root, make, []);
}

function build(text, node, make, ancestors) {
  const frag = document.createDocumentFragment();
  let at = node.start;
  for (const kid of node.kids) {
    if (kid.start > at) frag.append(document.createTextNode(text.slice(at, kid.start)));
    const inner = build(text, kid, make, ancestors.concat(kid.span));
    frag.append(make(kid.span, inner, ancestors) || inner);
    at = kid.end;
  }
  if (node.end > at) frag.append(document.createTextNode(text.slice(at, node.end)));
  return frag;
}
