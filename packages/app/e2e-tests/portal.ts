import { expect, Page } from '@playwright/test';

/** The entity page's tabs. */
export const tabs = (page: Page) =>
  page.getByRole('navigation', { name: 'Content navigation' });

/** Signs in with the guest provider (a member of CI & Build and Checkout). */
export async function signInAsGuest(page: Page) {
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
