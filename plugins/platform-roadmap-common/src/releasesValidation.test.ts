/* eslint-disable no-script-url -- script URLs are what is refused */
import {
  deprecationInputSchema,
  deprecationUpdateSchema,
} from './releasesValidation';
import { describeValidationError } from './validation';

const deprecation = {
  entityRef: 'component:default/build-cache',
  announcedOn: '2026-09-01',
  sunsetOn: '2026-12-31',
};

function errorOf(schema: { safeParse(v: unknown): any }, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation error');
  return describeValidationError(result.error);
}

describe('migrationGuideUrl', () => {
  it.each([
    'https://docs.example.com/build-cache/migrate',
    '  http://wiki.example.com/cache  ',
  ])('accepts the web address %j, trimmed', url => {
    expect(
      deprecationInputSchema.parse({ ...deprecation, migrationGuideUrl: url })
        .migrationGuideUrl,
    ).toBe(url.trim());
  });

  it.each([
    'javascript:alert(1)',
    'jAvAsCrIpT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '&#106;avascript:alert(1)',
    'mailto:team@example.com',
    '/docs/build-cache',
    'the wiki',
  ])('refuses %j, naming the field', url => {
    expect(
      errorOf(deprecationInputSchema, {
        ...deprecation,
        migrationGuideUrl: url,
      }),
    ).toBe('migrationGuideUrl: must be an http(s) URL');
    expect(
      errorOf(deprecationUpdateSchema, {
        ...deprecation,
        version: 1,
        migrationGuideUrl: url,
      }),
    ).toBe('migrationGuideUrl: must be an http(s) URL');
  });
});
