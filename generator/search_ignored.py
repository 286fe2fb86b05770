"""What of a page Pagefind reads: its HTML without the elements marked `data-pagefind-ignore="all"`.

Pagefind leaves such an element out whole: its text, and the filters and metadata inside it. A page
whose HTML changed only there (a role page's list of steps, when a step is renamed: the process page
is where a step is found) gives Pagefind the same page, so its search shard need not be indexed
again. `without_ignored` is what the shard's key (search_index.page_digests) and the shard's
vocabulary (search_vocabulary.page_words) are taken from.

The mark is looked for as the handbook's pages write it, an attribute in a start tag with double
quotes. In a page's text or in another attribute's value the quotes are written `&quot;`, so the
mark cannot be put there by what a supervisor writes. Anything this does not follow (a start tag
without its end) is kept: more of the page in the key only means a shard indexed again.
"""

from __future__ import annotations

import re

MARK = b'data-pagefind-ignore="all"'
_NAME = re.compile(rb"[a-zA-Z][a-zA-Z0-9-]*")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source", b"track", b"wbr"}


def without_ignored(data: bytes) -> bytes:
    """`data` (a page's HTML) without each element whose start tag carries `MARK`, from that tag to its end tag."""
    if MARK not in data:
        return data
    out: list[bytes] = []
    at = 0
    while (mark := data.find(MARK, at)) != -1:
        start = data.rfind(b"<", at, mark)
        name = _NAME.match(data, start + 1) if start != -1 else None
        tag_end = data.find(b">", mark)
        if name is None or data.find(b">", start, mark) != -1 or tag_end == -1:
            out.append(data[at : mark + len(MARK)])  # not in a start tag
            at = mark + len(MARK)
            continue
        tag = name.group().lower()
        if tag in _VOID or data[tag_end - 1 : tag_end] == b"/":
            end = tag_end + 1
        else:
            found = _element_end(data, tag, tag_end + 1)
            if found is None:
                break  # no end tag: keep the rest
            end = found
        out.append(data[at:start])
        at = end
    out.append(data[at:])
    return b"".join(out)


def _element_end(data: bytes, tag: bytes, at: int) -> int | None:
    """Where the element `tag` whose start tag ended before `at` ends (after its end tag), nested ones counted."""
    opening = re.compile(rb"<" + re.escape(tag) + rb"(?=[\s>/])|</" + re.escape(tag) + rb"\s*>", re.I)
    depth = 1
    for m in opening.finditer(data, at):
        if m.group().startswith(b"</"):
            depth -= 1
            if depth == 0:
                return m.end()
        else:
            depth += 1
    return None
