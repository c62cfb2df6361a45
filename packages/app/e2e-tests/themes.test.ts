import { expect, test } from '@playwright/test';
import { signInAsGuest } from './portal';

const P99 = 'Reduce p99 CI build time from 18 min to 8 min';

test('a platform team page shows themes by category, key results and commitments', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/ci-build/roadmap');

  await expect(
    page.getByRole('heading', { name: 'Velocity', level: 3 }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Reliability', level: 3 }),
  ).toBeVisible();
  const theme = page.getByRole('article', { name: 'Fast, boring CI' });
  await expect(theme).toBeVisible();
  await expect(
    theme.getByText('p99 CI build under 8 minutes for every monorepo'),
  ).toBeVisible();

  // Key results are progress bars from baseline through current to target.
  const bar = theme.getByRole('progressbar', { name: new RegExp(`^${P99}`) });
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expect(theme.getByText('Baseline 18 min')).toBeVisible();

  // Commitments: what is committed, and what is not and why.
  await expect(
    page.getByRole('heading', { name: /^Commitments for Q[1-4] \d{4}$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /^Committed \(\d+\)$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: /^Deprioritized \([1-9]\d*\)$/ }),
  ).toBeVisible();
  await expect(page.getByText(/^Why:/).first()).toBeVisible();
});

test('a team member records a check-in and the progress bar moves', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/ci-build/roadmap');
  const theme = page.getByRole('article', { name: 'Fast, boring CI' });
  const bar = theme.getByRole('progressbar', { name: new RegExp(`^${P99}`) });
  await expect(bar).toBeVisible();
  const before = Number(await bar.getAttribute('aria-valuenow'));
  expect(before).toBeLessThan(90);

  await theme.getByRole('button', { name: `Check in: ${P99}` }).click();
  const dialog = page.getByRole('dialog', { name: `Check in: ${P99}` });
  await dialog.getByLabel('New value (min)').fill('9');
  await dialog
    .getByLabel('Note')
    .fill('Test sharding on for the Java services');
  const saved = page.waitForResponse(
    r => /\/key-results\/[^/]+\/check-ins$/.test(r.url()) && r.status() === 201,
  );
  await dialog.getByRole('button', { name: 'Check in', exact: true }).click();
  await saved;
  await expect(dialog).toBeHidden();

  // 18 → 9 of 18 → 8 is 90% of the way.
  await expect(bar).toHaveAttribute('aria-valuenow', '90');
  await expect(
    theme.getByText('9 min', { exact: false }).first(),
  ).toBeVisible();
});

test('a platform component shows the themes that concern it; a consumer sees what is coming', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/component/build-cache');
  await expect(
    page.getByText('Platform roadmap', { exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Fast, boring CI' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: "See the team's roadmap" }),
  ).toBeVisible();

  await page.goto('/catalog/default/component/checkout-web');
  await expect(
    page.getByText('Coming from your platforms', { exact: true }),
  ).toBeVisible();
  const incoming = page.getByRole('region', { name: 'Fast, boring CI' });
  await expect(incoming).toBeVisible();
  await expect(incoming.getByText(/Because this component uses/)).toBeVisible();
  await expect(
    incoming.getByRole('link', { name: /Remote Build Cache|build-cache/ }),
  ).toBeVisible();
});
