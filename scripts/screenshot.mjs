// Takes a screenshot of a page of the running portal (scripts/start.sh),
// signed in as the guest, with Debian's Chromium:
//   node scripts/screenshot.mjs /catalog/default/group/ci-build/roadmap docs/roadmap-tab.png [height]
import { chromium } from 'playwright-core';

const [path, out, height = '1800'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({
  viewport: { width: 1440, height: Number(height) },
});
await page.goto('http://localhost:3000/');
await page.getByRole('button', { name: 'Enter' }).click();
await page
  .getByRole('link', { name: 'Catalog', exact: true })
  .first()
  .waitFor();
await page.goto(`http://localhost:3000${path}`);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
