/**
 * Requests paired with their responses, as ApiDoctor pairs them: a response whose annotation names
 * requests answers those (by name, among the requests before it); a response without a name answers
 * the last request before it; each request takes one response. Blocks annotated anything but
 * "request" or "response" (`"ignored"`, `"example"`) are not paired at all, however their content
 * reads, so an ignored block between a request and its response does not come between them.
 *
 * A page that annotates none of its examples (a published page saved as text, an older page) is
 * paired the same way by what its blocks hold: a request line or a status line. On a page that
 * annotates them, ApiDoctor reads only the annotated ones, and so does the pairing.
 */
import type { Exchange, HttpExample, Page, PairingProblem } from "./model.js";

export interface Pairing {
  exchanges: Exchange[];
  problems: PairingProblem[];
}

const isAnnotatedExample = (e: HttpExample) =>
  e.annotation?.blockType === "request" || e.annotation?.blockType === "response";

/** The exchange an example is the request or the response of. */
export function exchangeOf(page: Page, example: HttpExample): Exchange | undefined {
  return page.exchanges.find((x) => x.request === example || x.response === example);
}

export function pairExamples(examples: readonly HttpExample[]): Pairing {
  const annotated = examples.some(isAnnotatedExample);
  const paired = examples.filter((e) =>
    annotated
      ? isAnnotatedExample(e)
      : e.annotation?.blockType === undefined && (e.kind === "request" || e.kind === "response"),
  );
  const exchanges: Exchange[] = [];
  const problems: PairingProblem[] = [];
  for (const example of paired) {
    if (example.kind === "request") {
      exchanges.push({ request: example, response: undefined });
      continue;
    }
    // A block annotated "response" that holds a request is not paired: its annotation is wrong.
    if (example.message.method && !example.message.status) {
      problems.push({ kind: "isRequest", response: example, method: example.message.method });
      continue;
    }
    const names = example.annotation?.names ?? [];
    if (names.length > 0) {
      for (const name of names) {
        const exchange = exchanges.find((x) => x.request.annotation?.names.includes(name));
        if (!exchange) problems.push({ kind: "noRequestNamed", response: example, name });
        else if (exchange.response)
          problems.push({ kind: "secondResponse", response: example, request: exchange.request });
        else exchange.response = example;
      }
      continue;
    }
    const last = exchanges[exchanges.length - 1];
    if (last && !last.response) last.response = example;
    else if (last) problems.push({ kind: "secondResponse", response: example, request: last.request });
    else problems.push({ kind: "noRequest", response: example });
  }
  return { exchanges, problems };
}
