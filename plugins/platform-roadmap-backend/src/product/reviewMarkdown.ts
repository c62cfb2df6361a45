import {
  CAPACITY_DISCIPLINES,
  CapacityDiscipline,
  CustomerReview,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';

const DISCIPLINES: Record<CapacityDiscipline, string> = {
  onCall: 'On-call',
  maintenance: 'Maintenance (upgrades, patching, deprecation work)',
  documentation: 'Documentation',
  onboarding: 'Onboarding',
  roadmap: 'Roadmap work',
};

const ASKS: Record<string, string> = {
  'review-time': 'Review time',
  beta: 'Beta participation',
  feedback: 'Feedback',
  other: 'Other',
};

/**
 * Escapes what Markdown would read as markup in text the team typed, so
 * the export shows it as written (and a pasted link or HTML stays text).
 */
export function mdText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const name = (e: { title?: string; name: string }) => mdText(e.title ?? e.name);

/**
 * An http(s) URL as an autolink, normalized so that nothing in it can close
 * the link (`<`, `>` and spaces are percent-encoded); anything else is
 * left out.
 */
export function mdUrl(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
    return `<${parsed.href.replace(/[<>\s]/g, c => encodeURIComponent(c))}>`;
  } catch {
    return '';
  }
}

/**
 * The customer review as a Markdown document, to paste into a deck, a wiki
 * or an email. Team-written text is escaped; Markdown bodies of release
 * notes are not copied, only their titles.
 */
export function reviewMarkdown(review: CustomerReview): string {
  const out: string[] = [];
  const quarter = periodLabel(review.quarter);
  out.push(`# ${name(review.team)}: customer review, ${quarter}`, '');
  out.push(
    `_Generated ${review.generatedAt.slice(0, 10)} from Platform Roadmap._`,
    '',
  );
  if (review.team.description) out.push(mdText(review.team.description), '');
  if (review.contact.length) {
    out.push('**How to reach us:**');
    for (const c of review.contact) {
      out.push(
        `- ${mdText(c.title)}: ${c.url ? mdUrl(c.url) : mdText(c.text ?? '')}`,
      );
    }
    out.push('');
  }

  out.push(`## Themes for ${quarter}`, '');
  if (review.themes.length === 0) out.push('No themes for this quarter.', '');
  for (const { theme, objectives } of review.themes) {
    out.push(
      `### ${mdText(theme.title)} (${theme.category}, ${theme.status})`,
      '',
      `**Outcome:** ${mdText(theme.outcome)}`,
      '',
    );
    for (const kr of objectives.flatMap(o => o.keyResults)) {
      out.push(
        `- ${mdText(kr.title)}: now ${kr.current} ${mdText(
          kr.unit,
        )} (baseline ${kr.baseline}, target ${kr.target}), ${Math.round(
          kr.progress.progress * 100,
        )} %, ${kr.progress.status}`,
      );
    }
    if (objectives.length) out.push('');
  }

  out.push('## What we commit to', '');
  if (review.committed.length === 0) out.push('Nothing committed yet.');
  for (const c of review.committed) out.push(`- ${mdText(c.title)}`);
  out.push('', '## What we deprioritize, and why', '');
  if (review.deprioritized.length === 0) out.push('Nothing deprioritized.');
  for (const c of review.deprioritized) {
    out.push(`- ${mdText(c.title)}. Why: ${mdText(c.reason ?? '')}`);
  }

  out.push('', '## What we need from you', '');
  if (review.asks.length === 0) out.push('Nothing this quarter.');
  for (const a of review.asks) {
    out.push(`- **${ASKS[a.kind] ?? a.kind}:** ${mdText(a.text)}`);
  }

  out.push('', '## What shipped', '');
  if (review.shipped.length === 0) out.push('No release notes this quarter.');
  for (const n of review.shipped) {
    out.push(
      `- ${n.publishedOn} · ${n.type}${
        n.releaseVersion ? ` · ${mdText(n.releaseVersion)}` : ''
      }: ${mdText(n.title)}`,
    );
  }

  out.push('', '## Deprecations', '');
  if (review.deprecations.length === 0) out.push('None.');
  for (const d of review.deprecations) {
    const what = `${name(d.entity ?? { name: d.entityRef })}${
      d.entityVersion ? ` ${mdText(d.entityVersion)}` : ''
    }`;
    out.push(
      `- ${what}: sunset ${d.sunsetOn} (${d.status}), ${
        d.consumerCount
      } consumers in ${d.teamCount} teams remain${
        d.migrationGuideUrl
          ? `; migration guide ${mdUrl(d.migrationGuideUrl)}`
          : ''
      }`,
    );
  }

  if (review.capacity) {
    out.push('', '## Capacity', '');
    for (const d of CAPACITY_DISCIPLINES) {
      out.push(`- ${DISCIPLINES[d]}: ${review.capacity.shares[d]} %`);
    }
  }
  if (review.satisfaction) {
    out.push(
      '',
      '## Satisfaction',
      '',
      `${review.satisfaction.average?.toFixed(1)} / 5 from ${
        review.satisfaction.count
      } ratings.`,
    );
  }

  out.push('', '## For each consuming team', '');
  for (const c of review.consumers) {
    out.push(`### ${name(c.team)}`, '');
    if (c.impact.items.length) {
      out.push(
        `What shipped for you: ≈ ${c.impact.personWeeksSaved} person-weeks saved in ${quarter} (${c.impact.hoursSaved} h ÷ 40).`,
        '',
      );
      for (const i of c.impact.items) {
        out.push(
          `- ${mdText(i.title)} (shipped ${i.shippedOn}): ${
            i.hoursPerEngineerPerWeek
          } h × ${i.engineersAffected} engineers × ${i.weeks} weeks = ${
            i.hoursSaved
          } h`,
        );
      }
    } else {
      out.push('Nothing shipped for you this quarter.');
    }
    if (c.openRequests.length) {
      out.push('', 'Your open requests:');
      for (const r of c.openRequests)
        out.push(`- ${mdText(r.title)} (${r.status})`);
    }
    if (c.pendingMigrations.length) {
      out.push('', 'Your pending migrations:');
      for (const m of c.pendingMigrations) {
        out.push(
          `- ${mdText(m.entityTitle ?? m.entityRef)}${
            m.entityVersion ? ` ${mdText(m.entityVersion)}` : ''
          }: sunset ${m.sunsetOn} (${
            m.daysLeft
          } days left), used by ${m.consumers.map(mdText).join(', ')}`,
        );
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
