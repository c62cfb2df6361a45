import { expect, Page, test } from '@playwright/test';

/** The entity page's tabs. */
const tabs = (page: Page) =>
  page.getByRole('navigation', { name: 'Content navigation' });

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

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
