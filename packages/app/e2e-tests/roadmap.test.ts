import { expect, test } from '@playwright/test';
import { signInAsGuest, tabs } from './portal';

test('a platform team page shows its Roadmap tab with data from the backend', async ({
  page,
}) => {
  await signInAsGuest(page);

  const teamResponse = page.waitForResponse(
    r =>
      r.url().endsWith('/api/platform-roadmap/teams/default/ci-build') &&
      r.status() === 200,
  );
  await page.goto('/catalog/default/group/ci-build');
  await expect(
    page.getByRole('heading', { name: 'CI & Build', level: 2 }),
  ).toBeVisible();
  await tabs(page).getByRole('link', { name: 'Roadmap' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/group\/ci-build\/roadmap$/);

  const body = await (await teamResponse).json();
  expect(body.platformEntities.length).toBeGreaterThan(0);
  expect(body.consumingTeams.length).toBeGreaterThan(0);

  // What the backend computed is what the page shows.
  await expect(
    page.getByText(
      `runs ${body.platformEntities.length} platform entities used by ${body.consumingTeams.length} consuming teams`,
    ),
  ).toBeVisible();
  const entities = page.getByRole('table', { name: 'Platform entities' });
  await expect(
    entities.getByRole('link', { name: 'Remote Build Cache' }),
  ).toBeVisible();
  const consumers = page.getByRole('table', { name: 'Consuming teams' });
  await expect(
    consumers.getByRole('link', { name: 'Checkout', exact: true }),
  ).toBeVisible();
  await expect(consumers.getByRole('row')).toHaveCount(
    body.consumingTeams.length + 1,
  );
});

test('the Roadmap tab is only on platform team pages', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/checkout');
  await expect(
    page.getByRole('heading', { name: 'Checkout', level: 2 }),
  ).toBeVisible();
  await expect(
    tabs(page).getByRole('link', { name: 'Overview' }),
  ).toBeVisible();
  await expect(tabs(page).getByRole('link', { name: 'Roadmap' })).toHaveCount(
    0,
  );
});

test('a platform team member triages a request in the ranked backlog', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/ci-build/roadmap');

  const backlog = page.getByRole('table', { name: 'Backlog' });
  const top = backlog.getByRole('row').nth(1);
  await expect(top).toContainText('Remote cache misses on every CI run');
  await expect(top).toContainText('Strong signal: 3 teams asking');

  // Teams impacted open with the reason each team counts.
  await top.getByRole('button', { name: /teams impacted: show why/ }).click();
  await expect(
    page.getByRole('list', { name: 'Teams impacted', exact: true }),
  ).toContainText('filed it from component:default/checkout-service');

  // The guest is a member of CI & Build, so may triage.
  const row = backlog.getByRole('row', {
    name: /Build status webhooks for the merge queue/,
  });
  await expect(row).toContainText('Open');
  await row
    .getByRole('button', {
      name: 'Triage Build status webhooks for the merge queue',
    })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Cost to ship (engineer-quarters)').fill('0.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    backlog.getByRole('row', {
      name: /Build status webhooks for the merge queue/,
    }),
  ).toContainText('Triaged');
});

test('a consuming team files a request from its component and follows it to triage', async ({
  page,
}) => {
  await signInAsGuest(page);
  const title = `Cache warm-up for release branches ${Date.now()}`;

  // File from the Checkout Web component (the guest is in Checkout).
  await page.goto('/catalog/default/component/checkout-web');
  const card = page.getByRole('table', { name: 'Platform requests' });
  await page.getByRole('button', { name: 'File a request' }).click();
  const dialog = page.getByRole('dialog', { name: 'File a platform request' });
  // Checkout Web depends on CI & Build's cache, among others; pick CI & Build.
  await dialog
    .getByLabel('Platform team')
    .selectOption({ label: 'CI & Build' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Hours lost per engineer per week').fill('3');
  await dialog.getByLabel('Engineers affected').fill('10');
  await expect(dialog).toContainText('≈ 30 engineer-hours per week');
  await dialog.getByRole('button', { name: 'File request' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    card.getByRole('row', { name: new RegExp(title) }),
  ).toContainText('Open');

  // As a member of CI & Build, find it in the backlog and triage it.
  await page.goto('/catalog/default/group/ci-build/roadmap');
  const backlog = page.getByRole('table', { name: 'Backlog' });
  const row = backlog.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Open');
  await row.getByRole('button', { name: /teams impacted: show why/ }).click();
  await expect(
    page.getByRole('list', { name: 'Teams impacted', exact: true }),
  ).toContainText('filed it from component:default/checkout-web');
  await row.getByRole('button', { name: `Triage ${title}` }).click();
  const triage = page.getByRole('dialog');
  await triage.getByLabel('Cost to ship (engineer-quarters)').fill('1');
  await triage.getByRole('button', { name: 'Save' }).click();
  await expect(triage).toBeHidden();
  await expect(row).toContainText('Triaged');

  // Back on the component page, the request shows its new status.
  await page.goto('/catalog/default/component/checkout-web');
  await expect(
    card.getByRole('row', { name: new RegExp(title) }),
  ).toContainText('Triaged');
});
