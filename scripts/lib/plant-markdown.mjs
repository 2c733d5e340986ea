// A deliberately simple reader of Graph reference markdown for corpus-plant's oracle: lines,
// fenced code blocks, headings (with the `<a name="…">` anchors translations keep), pipe tables and
// annotation comments, found with regular expressions. It shares nothing with the linter's parser
// on purpose: the plants measure the linter, so the oracle must not inherit its model or its bugs.

const FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TAB_HEADING = /^\[[^\]]*\]\(#tab\//;
const ANCHOR = /<a\s+name\s*=\s*"([^"]+)"\s*>\s*<\/a>/i;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Reads page text into { text, lines, blocks, headings, tables, annotations }. Offsets index the
 * text as given; `lines[i]` is { start, end, text } (end before the line break, CR excluded).
 */
export function readMarkdown(text) {
  const lines = splitLines(text);
  const blocks = [];
  const headings = [];
  const tables = [];
  const annotations = [];
  /** Headings above the current line, one per level: the section a table sits in. */
  let headingStack = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i].text;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const block = readFencedBlock(lines, i, fence);
      blocks.push(block);
      i = block.closeLine + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && !TAB_HEADING.test(heading[2])) {
      const entry = headingOf(heading, i);
      headings.push(entry);
      headingStack = [...headingStack.filter((h) => h.level < entry.level), entry];
      i++;
      continue;
    }
    if (line.includes("<!--")) {
      const comment = readComment(lines, i);
      if (comment.annotation) annotations.push(comment.annotation);
      i = comment.lastLine + 1;
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && DELIMITER_ROW.test(lines[i + 1].text)) {
      const table = readTable(lines, i, headingStack);
      tables.push(table);
      i = table.lastLine + 1;
      continue;
    }
    i++;
  }
  return { text, lines, blocks, headings, tables, annotations };
}

function splitLines(text) {
  const lines = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text[end - 1] === "\r" ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return lines;
}

/** A fenced block from its opening line to its closing fence (or the end of the page). */
function readFencedBlock(lines, openLine, fence) {
  const marker = fence[1];
  const closer = new RegExp(`^\\s*${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
  let closeLine = openLine + 1;
  while (closeLine < lines.length && !closer.test(lines[closeLine].text)) closeLine++;
  const last = Math.min(closeLine, lines.length) - 1;
  return {
    info: fence[2].toLowerCase(),
    openLine,
    closeLine: Math.min(closeLine, lines.length - 1),
    /** Line numbers (0-based) of the content. */
    firstContentLine: openLine + 1,
    lastContentLine: last,
  };
}

function headingOf(match, line) {
  const raw = match[2];
  const anchor = ANCHOR.exec(raw)?.[1]?.toLowerCase();
  const text = raw.replace(ANCHOR, "").trim();
  return { level: match[1].length, text, anchor, line };
}

/** An HTML comment from line `first`; an annotation when it holds a JSON object with "blockType". */
function readComment(lines, first) {
  let last = first;
  while (last < lines.length && !lines[last].text.includes("-->")) last++;
  last = Math.min(last, lines.length - 1);
  const body = lines
    .slice(first, last + 1)
    .map((l) => l.text)
    .join("\n");
  const inner = /<!--([\s\S]*?)(-->|$)/.exec(body)?.[1] ?? "";
  const json = parseLenientJson(inner.trim());
  const annotation =
    json && typeof json === "object" && typeof json.blockType === "string"
      ? { ...json, firstLine: first, lastLine: last }
      : undefined;
  return { lastLine: last, annotation };
}

/** JSON.parse, forgiving the trailing commas annotations often carry; undefined when not JSON. */
export function parseLenientJson(text) {
  if (!text.startsWith("{")) return undefined;
  for (const candidate of [text, text.replace(/,(\s*[}\]])/g, "$1")]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

/** A pipe table: header cells, rows of cells, and the headings it sits under. */
function readTable(lines, headerLine, headingStack) {
  let last = headerLine + 1;
  while (last + 1 < lines.length && lines[last + 1].text.includes("|") && lines[last + 1].text.trim() !== "")
    last++;
  const rows = [];
  for (let i = headerLine + 2; i <= last; i++) rows.push({ cells: splitCells(lines[i].text), line: i });
  return {
    header: splitCells(lines[headerLine].text).map(normalizeHeader),
    rows,
    firstLine: headerLine,
    lastLine: last,
    sections: headingStack,
  };
}

/** The cells of a table row: split on `|` outside code spans and not escaped. */
export function splitCells(line) {
  const cells = [];
  let cell = "";
  let inCode = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && line[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "`") {
      inCode = !inCode;
      cell += c;
    } else if (c === "|" && !inCode) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  if (line.trim().startsWith("|")) cells.shift();
  if (line.trim().endsWith("|") && cells.length > 0) cells.pop();
  return cells.map((c) => c.trim());
}

function normalizeHeader(cell) {
  return plainText(cell).toLowerCase();
}

/** A cell's text without emphasis, code ticks, links (their text kept) and HTML tags. */
export function plainText(cell) {
  return cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[*`]/g, "")
    .trim();
}

/** The section ids a table or line sits under: heading anchors, or heading text made into one. */
export function sectionIds(sections) {
  return sections.map((h) => h.anchor ?? h.text.toLowerCase().trim().replace(/\s+/g, "-"));
}

/** Offset of a line's first character; `column` (1-based) of an offset, in UTF-16 code units. */
export function lineAndColumn(lines, offset) {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lines[low].start + 1 };
}
