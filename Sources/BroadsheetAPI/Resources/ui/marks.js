// marks.js — the ONE place where server snippet markup becomes DOM. A search snippet is
// HTML-escaped text with matched words wrapped in `<mark>`…`</mark>`. The string is split on
// exactly those two tags; only the entities &amp; &lt; &gt; &quot; &#39; are decoded in the
// pieces, which become text nodes inside or outside <mark> elements. Anything else (other
// tags, other entities, an unbalanced tag) stays literal text.

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const ENTITY_RE = /&(?:amp|lt|gt|quot|#39);/g;

export function decodeEntities(s) {
  return s.replace(ENTITY_RE, (m) => ENTITIES[m]);
}

/** A DocumentFragment of text nodes and <mark> elements for one snippet. */
export function markedFragment(snippet) {
  const frag = document.createDocumentFragment();
  let mark = null;
  for (const part of String(snippet ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '') continue;
    if (part === '<mark>' && !mark) {
      mark = document.createElement('mark');
      frag.append(mark);
    } else if (part === '</mark>' && mark) {
      mark = null;
    } else {
      // Text, or a tag that is out of place (nested open, stray close): literal text.
      const text = part === '<mark>' || part === '</mark>' ? part : decodeEntities(part);
      (mark || frag).append(document.createTextNode(text));
    }
  }
  return frag;
}
