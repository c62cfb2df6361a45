/**
 * The scheme of a URL with `:` ('https:'), or undefined for a relative URL
 * (or words). The URL parser is the browser's own: it reads the scheme
 * exactly as a click on the link would, skipping tabs, newlines and control
 * characters.
 */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/**
 * The address of a web page someone typed (a migration guide, a contact
 * channel), when it is one: an absolute http(s) URL, trimmed. Anything
 * else (`javascript:`, `data:`, `vbscript:`, a relative path, words) is
 * undefined, to show as text rather than as a link.
 */
export function webUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const protocol = protocolOf(trimmed);
  return protocol === 'http:' || protocol === 'https:' ? trimmed : undefined;
}

/** Schemes a link in user Markdown may have. */
const MARKDOWN_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/**
 * The href of a link in user Markdown: an http(s) or mailto URL, or a
 * relative one (`/catalog/...`, `#heading`); otherwise '' and the link text
 * is shown without a link.
 *
 * Given to MarkdownContent as `transformLinkUri`: its default turns the
 * schemes it does not know (`irc:`, `xmpp:`, which its sanitizer lets
 * through) into `javascript:void(0)`, which Backstage's Link refuses by
 * throwing, taking the whole card down with it.
 */
export function markdownLinkUri(href: string): string {
  const trimmed = href.trim();
  const protocol = protocolOf(trimmed);
  if (protocol === undefined) return trimmed;
  return MARKDOWN_LINK_PROTOCOLS.includes(protocol) ? trimmed : '';
}
