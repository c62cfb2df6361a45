import { expect, test } from '@playwright/test';
import { signInAsGuest } from './portal';

test('search finds a deprecation and a release note, and opens them where they live', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The collator runs every minute in the demo: retry until it has.
  await expect(async () => {
    await page.goto('/search?query=legacy%20auth');
    await expect(
      page.getByRole('link', { name: 'legacy-auth-sdk is deprecated' }),
    ).toHaveCount(2, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });

  // "Platform roadmap" narrows the results to this plugin's.
  await page.getByRole('button', { name: /^Platform roadmap/ }).click();
  await expect(page).toHaveURL(/types%5B%5D=platform-roadmap/);

  // The deprecation's item: its kind, status, team and sunset in words.
  const deprecation = page
    .getByRole('listitem')
    .filter({ hasText: 'Deprecation' })
    .filter({ hasText: 'Status: Migrating' })
    .first();
  await expect(deprecation).toContainText('Team: Security Platform');
  await expect(deprecation).toContainText(/Sunset \d{4}-\d{2}-\d{2}/);

  // A release note opens at its permalink on the Release notes tab.
  await page.goto('/search?query=SameSite');
  await page
    .getByRole('link', { name: /Legacy SDK session cookies are now Secure/ })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/legacy-auth-sdk\/release-notes\?note=/,
  );
  await expect(
    page.getByText(
      'Legacy SDK session cookies are now Secure and SameSite=Lax',
    ),
  ).toBeVisible();
});
