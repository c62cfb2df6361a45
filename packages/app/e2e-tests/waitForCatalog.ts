/**
 * Playwright global setup: the catalog ingests the example organisation
 * shortly after the backend starts; wait until a platform team is there.
 */
export default async function waitForCatalog() {
  const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:7007';
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const refresh = await fetch(
        `${backend}/api/auth/guest/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      );
      const token = (await refresh.json()).backstageIdentity.token;
      const teams = await fetch(`${backend}/api/platform-roadmap/teams`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await teams.json();
      if (
        body.items?.some(
          (t: { consumingTeams: unknown[] }) => t.consumingTeams.length > 0,
        )
      ) {
        return;
      }
      last = `${teams.status} with ${body.items?.length ?? 0} teams`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The example catalog did not load in 120 s (last: ${last})`);
}
