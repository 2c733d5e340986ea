/** Writing XML text (checkstyle, JUnit): escaped attribute values and CDATA that stay well-formed. */

/**
 * Text with the characters XML 1.0 does not allow anywhere replaced by U+FFFD: control characters
 * other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. A message quoting page text may
 * hold them, and one of them makes the whole report unreadable to an XML parser.
 */
export function xmlText(value: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let allowed: boolean;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      allowed = next >= 0xdc00 && next <= 0xdfff;
      if (allowed) {
        i++;
        continue;
      }
    } else allowed = c >= 0x20 ? c < 0xdc00 || (c > 0xdfff && c < 0xfffe) : c === 9 || c === 10 || c === 13;
    if (!allowed) {
      out += `${value.slice(from, i)}\ufffd`;
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** An attribute value or element text, escaped. */
export function xmlEscape(value: string | number): string {
  return xmlText(String(value))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** A CDATA section holding `value` (a `]]>` in it is split across two sections). */
export function cdata(value: string): string {
  return `<![CDATA[${xmlText(value).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
