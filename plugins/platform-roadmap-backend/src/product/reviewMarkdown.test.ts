import { mdText, mdUrl } from './reviewMarkdown';

describe('review Markdown', () => {
  it('keeps typed text as text: no links, HTML or emphasis', () => {
    expect(mdText('[x](javascript:alert(1)) <b>hi</b> *a*\nnext')).toBe(
      '\\[x\\](javascript:alert(1)) \\<b\\>hi\\</b\\> \\*a\\* next',
    );
  });

  it('writes only http(s) URLs, and nothing in them can close the link', () => {
    expect(mdUrl('https://wiki.acme.example/migrate')).toBe(
      '<https://wiki.acme.example/migrate>',
    );
    expect(mdUrl('https://a.example/x> <img src=x onerror=alert(1)>')).toBe(
      '<https://a.example/x%3E%20%3Cimg%20src=x%20onerror=alert(1)%3E>',
    );
    // eslint-disable-next-line no-script-url
    expect(mdUrl('javascript:alert(1)')).toBe('');
    expect(mdUrl('not a url')).toBe('');
  });
});
