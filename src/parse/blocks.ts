/**
 * Markdown text → the part of mdast the page model reads, straight from micromark's events.
 *
 * The page builder reads block nodes (front matter, headings, HTML, code, paragraphs, thematic
 * breaks, definitions) and, inside paragraphs and headings, only links, images and inline HTML:
 * everything else it reads from the source lines. `remark-parse` builds the whole tree through
 * mdast-util-from-markdown, and micromark spends much of its time on inline constructs nobody here
 * reads (emphasis, character references, hard breaks). This module runs the same
 * micromark tokenizer, so the block structure, code, HTML and links are exactly CommonMark's, with
 * those inline constructs turned off, and turns the events into a flat list of the nodes the builder
 * visits, in document order. On the Graph docs it takes under half the time of `remark-parse`.
 *
 * What differs from remark-parse's tree (none of it is read by the builder): containers (lists,
 * block quotes) are not nodes, their content is listed in order at the top level; a paragraph's and
 * a heading's children are only its links, images and inline HTML, in order, with links and images
 * not nested; emphasis is text; reference-style links are not nodes (as remark's `linkReference`,
 * which the builder does not read).
 */
import type { Code, Definition, Heading, Html, Image, Link, Paragraph, Root, RootContent, Yaml } from "mdast";
import { parse, postprocess, preprocess } from "micromark";
import { frontmatter } from "micromark-extension-frontmatter";
import { decodeString } from "micromark-util-decode-string";
import type { Event, Extension, ParseOptions, Token } from "micromark-util-types";

/** Inline constructs no rule reads (by name); links, autolinks, images, code spans, escapes and inline HTML stay on. */
const UNREAD_CONSTRUCTS: Extension = { disable: { null: ["hardBreakEscape"] } };

/**
 * Characters that start only constructs no rule reads: `*` and `_` (emphasis), `&` (character
 * references). Their constructs are removed outright, not disabled: a disabled construct's character
 * still ends a run of text, and micromark merges the runs back with one `splice` each, which is
 * quadratic on a long line full of them (2 MB of "`code` **b** " took two minutes).
 */
const UNREAD_MARKERS = [42, 95, 38] as const;

const parseOptions: ParseOptions = { extensions: [frontmatter(["yaml"]), UNREAD_CONSTRUCTS] };

/** A micromark parser for one document, without the constructs of UNREAD_MARKERS. */
function parser(): ReturnType<typeof parse> {
  const context = parse(parseOptions);
  // parse() builds fresh construct maps for each call: deleting from them touches nothing shared.
  for (const code of UNREAD_MARKERS) {
    delete context.constructs.text[code];
    delete context.constructs.string[code];
  }
  return context;
}

type InlineNode = Link | Image | Html;
type InlineParent = Paragraph | Heading;

/** Parses `text` into the flat tree described above. */
export function parseBlocks(text: string): Root {
  const events = postprocess(
    parser()
      .document()
      .write(preprocess()(text, undefined, true)),
  );
  return new EventReader(text).read(events);
}

class EventReader {
  private readonly root: Root = { type: "root", children: [] };
  private inlineParent: InlineParent | undefined;
  private code: Code | undefined;
  private codeParts: string[] = [];
  private definition: Definition | undefined;
  private headingDepthSet = false;
  /** Open links and images, innermost last; `hasResource` tells an inline link from a reference. */
  private readonly labels: { node: Link | Image; hasResource: boolean }[] = [];

  constructor(private readonly text: string) {}

  read(events: Event[]): Root {
    for (const [kind, token, context] of events) {
      if (kind === "enter") this.enter(token, context);
      else this.exit(token);
    }
    return this.root;
  }

  private enter(token: Token, context: Event[2]): void {
    // `yaml` is micromark-extension-frontmatter's token type, not in micromark's own type map.
    switch (token.type as string) {
      case "paragraph":
        this.inlineParent = { type: "paragraph", children: [], position: positionOf(token) };
        this.add(this.inlineParent);
        return;
      case "atxHeading":
      case "setextHeading":
        this.inlineParent = { type: "heading", depth: 1, children: [], position: positionOf(token) };
        this.headingDepthSet = false;
        this.add(this.inlineParent);
        return;
      case "atxHeadingSequence":
        // The opening sequence comes first; a closing `##` does not change the depth.
        if (this.inlineParent?.type === "heading" && !this.headingDepthSet) {
          this.inlineParent.depth = depthOf(token.end.offset - token.start.offset);
          this.headingDepthSet = true;
        }
        return;
      case "setextHeadingLineSequence":
        if (this.inlineParent?.type === "heading")
          this.inlineParent.depth = this.text.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
        return;
      case "codeFenced":
      case "codeIndented":
        this.code = { type: "code", lang: null, meta: null, value: "", position: positionOf(token) };
        this.codeParts = [];
        this.add(this.code);
        return;
      case "codeFencedFenceInfo":
        if (this.code) this.code.lang = decodeString(context.sliceSerialize(token));
        return;
      case "codeFencedFenceMeta":
        if (this.code) this.code.meta = decodeString(context.sliceSerialize(token));
        return;
      case "codeFlowValue":
        this.codeParts.push(context.sliceSerialize(token));
        return;
      case "lineEnding":
        if (this.code) this.codeParts.push(context.sliceSerialize(token));
        return;
      case "htmlFlow":
        this.add(this.html(token));
        return;
      case "htmlText":
        this.inlineParent?.children.push(this.html(token));
        return;
      case "thematicBreak":
        this.add({ type: "thematicBreak", position: positionOf(token) });
        return;
      case "definition":
        this.definition = {
          type: "definition",
          identifier: "",
          label: null,
          url: "",
          title: null,
          position: positionOf(token),
        };
        this.add(this.definition);
        return;
      case "definitionDestinationString":
        if (this.definition) this.definition.url = decodeString(context.sliceSerialize(token));
        return;
      case "link":
      case "image": {
        const position = positionOf(token);
        const node: Link | Image =
          token.type === "link"
            ? { type: "link", url: "", title: null, children: [], position }
            : { type: "image", url: "", title: null, alt: null, position };
        this.labels.push({ node, hasResource: false });
        this.inlineParent?.children.push(node as InlineNode as Paragraph["children"][number]);
        return;
      }
      case "autolink": {
        const node: Link = { type: "link", url: "", title: null, children: [], position: positionOf(token) };
        this.labels.push({ node, hasResource: true });
        this.inlineParent?.children.push(node);
        return;
      }
      case "autolinkProtocol":
      case "autolinkEmail": {
        const open = this.labels[this.labels.length - 1];
        const address = context.sliceSerialize(token);
        if (open) open.node.url = token.type === "autolinkEmail" ? `mailto:${address}` : address;
        return;
      }
      case "resourceDestinationString": {
        const open = this.labels[this.labels.length - 1];
        if (open) open.node.url = decodeString(context.sliceSerialize(token));
        return;
      }
      case "resource": {
        const open = this.labels[this.labels.length - 1];
        if (open) open.hasResource = true;
        return;
      }
      case "yaml":
        this.add({ type: "yaml", value: "", position: positionOf(token) } satisfies Yaml);
        return;
      default:
        return;
    }
  }

  private exit(token: Token): void {
    switch (token.type) {
      case "paragraph":
      case "atxHeading":
      case "setextHeading":
        this.inlineParent = undefined;
        return;
      case "codeFenced":
        if (this.code) this.code.value = this.codeParts.join("").replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "");
        this.code = undefined;
        return;
      case "codeIndented":
        if (this.code) this.code.value = this.codeParts.join("").replace(/(\r?\n|\r)$/, "");
        this.code = undefined;
        return;
      case "definition":
        this.definition = undefined;
        return;
      case "link":
      case "image":
      case "autolink": {
        const open = this.labels.pop();
        // A reference (`[text][id]`, `[id]`) is not a link node, as in remark's tree.
        if (open && !open.hasResource && this.inlineParent) {
          const siblings = this.inlineParent.children as InlineNode[];
          const at = siblings.lastIndexOf(open.node);
          if (at !== -1) siblings.splice(at, 1);
        }
        return;
      }
      default:
        return;
    }
  }

  private add(node: RootContent): void {
    this.root.children.push(node);
  }

  private html(token: Token): Html {
    return {
      type: "html",
      value: this.text.slice(token.start.offset, token.end.offset),
      position: positionOf(token),
    };
  }
}

function depthOf(hashes: number): Heading["depth"] {
  return Math.min(6, Math.max(1, hashes)) as Heading["depth"];
}

function positionOf(token: Token): NonNullable<Root["position"]> {
  return {
    start: { line: token.start.line, column: token.start.column, offset: token.start.offset },
    end: { line: token.end.line, column: token.end.column, offset: token.end.offset },
  };
}
