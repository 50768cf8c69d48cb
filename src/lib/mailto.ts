/**
 * One part (subject, body) of a `mailto:` address, encoded for an HTML page.
 *
 * RFC 6068 wants `%20` for a space (mail programs show a `+` literally) and CRLF line breaks in a
 * body, so this is not URLSearchParams. Letters beyond ASCII stay as they are: an `href` is a
 * WHATWG URL, which may hold them, and the browser percent-encodes them as UTF-8 when it parses
 * the link, so the mail program receives exactly the RFC 6068 form (tests/repeat/units.test.ts
 * checks that). Written out, a Cyrillic letter costs 2 bytes instead of 6, and every practice
 * page carries a prefilled Russian letter («Хочу повторить»).
 */
export function mailtoPart(text: string): string {
  const crlf = text.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n');
  // Everything that is not a URL code point in a query (ASCII, C1 controls, noncharacters,
  // lone surrogates) is percent-encoded; encodeURIComponent leaves -_.!~*'() alone.
  return crlf.replace(/[^\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\u{10000}-\u{10ffff}]/gu, (c) => encodeURIComponent(c));
}
