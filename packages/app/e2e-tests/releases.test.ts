import { expect, test } from '@playwright/test';
import { signInAsGuest, tabs } from './portal';

const FORKS = 'Remote cache hits for pull requests from forks';
const COLLIDE = 'Cache keys no longer collide across runner images';

test('a platform component lists its release notes; a reader filters by type and opens a permalink', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/build-cache');
  await tabs(page).getByRole('link', { name: 'Release notes' }).click();

  await expect(
    page.getByText('Release notes of this component', { exact: false }),
  ).toBeVisible();
  // Newest first: the fork cache note (days ago) before the older fix.
  await expect(page.getByRole('article', { name: FORKS })).toBeVisible();
  await expect(page.getByRole('article', { name: COLLIDE })).toBeVisible();
  const names = await page
    .getByRole('article')
    .evaluateAll(list => list.map(a => a.getAttribute('aria-label')));
  expect(names.indexOf(FORKS)).toBeLessThan(names.indexOf(COLLIDE));

  // Only fixes.
  const fix = page.getByRole('button', { name: 'Fix', exact: true });
  await fix.click();
  await expect(fix).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]type=fix/);
  await expect(page.getByRole('article', { name: FORKS })).toHaveCount(0);
  const collide = page.getByRole('article', { name: COLLIDE });
  await expect(collide).toBeVisible();
  const articles = await page.getByRole('article').all();
  for (const article of articles) {
    await expect(article.getByText('Fix', { exact: true })).toBeVisible();
  }

  // The permalink shows that note alone, also when opened afresh.
  await collide.getByRole('link', { name: `Permalink: ${COLLIDE}` }).click();
  await expect(page).toHaveURL(/[?&]note=[0-9a-f-]+/);
  const permalink = page.url();
  await page.goto(permalink);
  await expect(page.getByRole('article', { name: COLLIDE })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(
    page.getByText(/now include the runner image digest/),
  ).toBeVisible();
  await page.getByRole('link', { name: 'All release notes' }).click();
  await expect(page.getByRole('article', { name: FORKS })).toBeVisible();
});

test('a consuming component warns about the deprecations it depends on, with days left and the migration guide', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-service');

  await expect(
    page.getByText('Deprecations affecting this component', { exact: true }),
  ).toBeVisible();
  const legacy = page.getByRole('article', {
    name: 'Legacy Auth SDK deprecation',
  });
  await expect(legacy).toBeVisible();
  await expect(legacy.getByText(/^\d+ days left$/)).toBeVisible();
  await expect(
    legacy.getByRole('link', { name: 'Migration guide' }),
  ).toHaveAttribute(
    'href',
    'https://wiki.acme.example/security/legacy-auth-sdk-migration',
  );
  await expect(
    legacy.getByRole('link', { name: 'Auth Library' }),
  ).toBeVisible();

  // A component that uses nothing deprecated gets no card at all.
  await page.goto('/catalog/default/component/pricing-engine');
  await expect(
    page.getByRole('heading', { name: 'Pricing Engine' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await expect(
    page.getByText('Deprecations affecting this component', { exact: true }),
  ).toHaveCount(0);
});

test('the deprecated entity shows its remaining consumers by team and the burn-down', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/legacy-auth-sdk');
  const deprecation = page.getByRole('article', {
    name: 'Legacy Auth SDK deprecation',
  });
  await expect(deprecation).toBeVisible();
  await expect(
    deprecation.getByText(/^\d+ consumers in \d+ teams remain$/),
  ).toBeVisible();
  const chart = deprecation.getByRole('img', {
    name: /^Remaining consumers of Legacy Auth SDK/,
  });
  await expect(chart).toBeVisible();
  await expect(
    deprecation.getByRole('list', {
      name: 'Teams still using Legacy Auth SDK',
    }),
  ).toContainText('Checkout Service');
});

test('a team member publishes a release note; readers who were here before see it marked new', async ({
  page,
}) => {
  const title = `Build logs are kept for 90 days ${Date.now()}`;
  await signInAsGuest(page);
  // A first visit, so the next one has something to compare with. The
  // portal keeps the visit in the user-settings backend: wait until it is
  // saved before coming back.
  const saved = page
    .waitForResponse(
      r =>
        r.url().includes('/api/user-settings/') &&
        r.request().method() === 'PUT',
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.goto('/catalog/default/group/ci-build/release-notes');
  await expect(page.getByRole('article').first()).toBeVisible();
  await saved;
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();

  await page.getByRole('button', { name: 'New release note' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Type').selectOption('improvement');
  await dialog.getByLabel('Title').fill('Logs');
  await dialog.getByRole('button', { name: 'Publish release note' }).click();
  await expect(dialog.getByText('must be at least 5 characters')).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Release version').fill('5.2.0');
  await dialog
    .getByLabel('Body')
    .fill('Keep them **longer**: `retention: 90d`.');
  await dialog.getByRole('button', { name: 'Publish release note' }).click();
  await expect(dialog).toBeHidden();

  const note = page.getByRole('article', { name: title });
  await expect(note).toBeVisible();
  await expect(note.getByLabel('New since your last visit')).toBeVisible();
  await expect(note.locator('strong', { hasText: 'longer' })).toBeVisible();
  await expect(page.getByRole('article').first()).toHaveAccessibleName(title);
});
