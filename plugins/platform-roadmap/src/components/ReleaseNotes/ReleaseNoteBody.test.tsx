import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ReleaseNoteBody } from './ReleaseNoteBody';

/** Markdown a hostile author could write, with the text that should stay. */
const XSS: Array<[string, string[]]> = [
  ['<script>alert(1)</script>', []],
  ['[x](javascript:alert(1))', ['x']],
  ['[x](JAVASCRIPT:alert(1))', ['x']],
  ['<img src=x onerror=alert(1)>', []],
  ['![x](x" onerror="alert(1))', []],
  ['<a href="javascript:alert(1)" onclick="alert(1)">a</a>', ['a']],
  ['<iframe src="https://evil.example">', []],
  ['<div onmouseover="alert(1)">hover</div>', ['hover']],
  ['<svg onload=alert(1)>', []],
  ['<style>body{display:none}</style>', []],
  ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', ['x']],
  ['<form action="javascript:alert(1)"><button>go</button></form>', ['go']],
];

const FORBIDDEN_ELEMENTS = 'script, iframe, style, svg, form, object, embed';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href'];
/** URLs that run code or carry a document of their own. */
const UNSAFE_URL = /^(javascript|data):/i;

/** Every way the rendered body could run code, as readable strings. */
function dangers(root: Element): string[] {
  const found: string[] = [];
  root.querySelectorAll(FORBIDDEN_ELEMENTS).forEach(element => {
    found.push(`<${element.tagName.toLowerCase()}> element`);
  });
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (name.toLowerCase().startsWith('on')) {
        found.push(`${name} on <${element.tagName.toLowerCase()}>`);
      }
      if (
        URL_ATTRIBUTES.includes(name.toLowerCase()) &&
        UNSAFE_URL.test(value.trim())
      ) {
        found.push(`${name}="${value}" on <${element.tagName.toLowerCase()}>`);
      }
    }
  }
  return found;
}

async function renderBody(body: string) {
  const { container } = await renderInTestApp(
    <div data-testid="body">
      <ReleaseNoteBody body={body} />
    </div>,
  );
  return { container, body: screen.getByTestId('body') };
}

describe('ReleaseNoteBody', () => {
  it.each(XSS)('renders %s without anything that runs', async (input, kept) => {
    const { container, body } = await renderBody(input);
    expect(dangers(container)).toEqual([]);
    for (const text of kept) {
      expect(within(body).getByText(text)).toBeInTheDocument();
    }
  });

  it('neutralizes every attack at once, keeping the text around them', async () => {
    const input = [
      'Before the attacks.',
      ...XSS.map(([attack]) => attack),
      'After the attacks.',
    ].join('\n\n');
    const { container, body } = await renderBody(input);
    expect(dangers(container)).toEqual([]);
    expect(body).toHaveTextContent('Before the attacks.');
    expect(body).toHaveTextContent('After the attacks.');
    expect(body).toHaveTextContent('hover');
  });

  it('finds the dangers it looks for (the check itself can fail)', () => {
    // What rendering the raw body as HTML would produce (one element per
    // attack: an unclosed <iframe> swallows what follows it).
    const unsafe = document.createElement('div');
    for (const [attack] of XSS) {
      const part = document.createElement('div');
      part.innerHTML = attack;
      unsafe.appendChild(part);
    }
    const found = dangers(unsafe);
    for (const expected of [
      '<script> element',
      '<iframe> element',
      '<style> element',
      '<svg> element',
      '<form> element',
      'onerror on <img>',
      'onclick on <a>',
      'onmouseover on <div>',
      'href="javascript:alert(1)" on <a>',
      'action="javascript:alert(1)" on <form>',
    ]) {
      expect(found).toContain(expected);
    }
  });

  it('still renders ordinary Markdown', async () => {
    const { body } = await renderBody(
      [
        '## Upgrading',
        '',
        '- Bump the **runner** image',
        '- Clear the cache',
        '',
        'See [the migration guide](https://docs.example.com/ci/v5).',
        '',
        'Run `ci upgrade` first.',
        '',
        '| Old | New |',
        '| --- | --- |',
        '| 18  | 22  |',
      ].join('\n'),
    );
    expect(
      within(body).getByRole('heading', { level: 2, name: 'Upgrading' }),
    ).toBeInTheDocument();
    const items = within(body).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      'Bump the runner image',
      'Clear the cache',
    ]);
    expect(within(body).getByText('runner').tagName).toBe('STRONG');
    expect(
      within(body).getByRole('link', { name: /the migration guide/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/ci/v5');
    expect(within(body).getByText('ci upgrade').tagName).toBe('CODE');
    expect(within(body).getByRole('table')).toHaveTextContent('Old');
  });

  it('renders nothing for an empty body', async () => {
    const { body } = await renderBody('  \n');
    expect(body).toBeEmptyDOMElement();
  });
});
