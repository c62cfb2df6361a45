/* eslint-disable no-script-url -- script URLs are what is tested */
import { markdownLinkUri, webUrl } from './urls';

describe('webUrl', () => {
  it.each([
    ['https://docs.example.com/guide', 'https://docs.example.com/guide'],
    ['  http://chat.example.com/ci  ', 'http://chat.example.com/ci'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
  ])('keeps the web address %j', (value, expected) => {
    expect(webUrl(value)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    '   ',
    'javascript:alert(1)',
    'jAvAsCrIpT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:team@example.com',
    '/catalog/default/group/ci-build',
    '//evil.example.com',
    'Tuesdays 14:00',
  ])('refuses %j', value => {
    expect(webUrl(value)).toBeUndefined();
  });
});

describe('markdownLinkUri', () => {
  it.each([
    'https://docs.example.com/guide',
    'mailto:team@example.com',
    '/catalog/default/group/ci-build',
    '#upgrading',
    '?quarter=2026-Q4',
    'guide.md',
  ])('keeps %j', href => {
    expect(markdownLinkUri(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'irc://irc.example.com/ci',
    'xmpp:ci@example.com',
  ])('drops %j', href => {
    expect(markdownLinkUri(href)).toBe('');
  });
});
