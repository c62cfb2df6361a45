import { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Commitment,
  CustomerReview,
  periodLabel,
  ReviewAsk,
  ReviewConsumer,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { STATUS_LABELS } from '../Backlog/labels';
import { CapacityBar } from '../Capacity';
import { ContactChannels } from '../ContactChannels';
import {
  daysLeftLabel,
  DEPRECATION_STATUS_LABELS,
  deprecatedName,
  entityName,
  remainingLabel,
} from '../Deprecations/labels';
import {
  CATEGORY_LABELS,
  KeyResultProgress,
  THEME_STATUS_LABELS,
} from '../KeyResultProgress';
import { TYPE_LABELS } from '../ReleaseNotes/labels';
import { UserMarkdown } from '../UserContent';
import { ASK_KIND_LABELS, formatNumber, personWeeksLabel } from './labels';

/** Hours in a person-week, as the backend counts them. */
const HOURS_PER_WEEK = 40;

export const useReviewStyles = makeStyles(theme => ({
  // Buttons and choices that have no place on paper.
  noPrint: {
    '@media print': { display: 'none !important' },
  },
  document: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(3),
    backgroundColor: theme.palette.background.paper,
    '@media print': {
      border: 'none',
      padding: 0,
      color: '#000',
      backgroundColor: '#fff',
    },
  },
  section: {
    marginTop: theme.spacing(3),
    '@media print': { breakInside: 'avoid-page' },
  },
  sectionHeader: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
  },
  // Never split one theme or one team over two pages.
  block: {
    marginBottom: theme.spacing(2),
    '@media print': { breakInside: 'avoid' },
  },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  plain: { listStyle: 'none', margin: 0, padding: 0 },
  table: { marginBottom: theme.spacing(1) },
  caption: { captionSide: 'top', padding: theme.spacing(0, 0, 1) },
}));

function Section(props: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const { id, title, action, children } = props;
  const classes = useReviewStyles();
  return (
    <section aria-labelledby={id} className={classes.section}>
      <Box className={classes.sectionHeader}>
        <Typography id={id} variant="h6" component="h3">
          {title}
        </Typography>
        <Box flexGrow={1} />
        {action}
      </Box>
      {children}
    </section>
  );
}

function Nothing({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {children}
    </Typography>
  );
}

function ThemeBlock({ view }: { view: ThemeView }) {
  const { theme, objectives } = view;
  const classes = useReviewStyles();
  const titleId = `customer-review-theme-${theme.id}`;
  return (
    <article aria-labelledby={titleId} className={classes.block}>
      <Box className={classes.row}>
        <Typography id={titleId} variant="subtitle1" component="h4">
          <strong>{theme.title}</strong>
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={CATEGORY_LABELS[theme.category]}
        />
        <Chip
          size="small"
          color={theme.status === 'deprioritized' ? 'default' : 'primary'}
          label={THEME_STATUS_LABELS[theme.status]}
        />
        <Chip
          size="small"
          variant="outlined"
          label={periodLabel(theme.period)}
        />
      </Box>
      <Typography variant="body1">
        <strong>Outcome:</strong> {theme.outcome}
      </Typography>
      {theme.status === 'deprioritized' && theme.statusReason && (
        <Typography variant="body2">
          <strong>Why deprioritized:</strong> {theme.statusReason}
        </Typography>
      )}
      {objectives.map(objective => (
        <Box key={objective.id} mt={1}>
          <Typography variant="subtitle2" component="h5">
            {objective.title}
          </Typography>
          {objective.keyResults.length === 0 ? (
            <Nothing>No key results yet.</Nothing>
          ) : (
            objective.keyResults.map(kr => (
              <KeyResultProgress key={kr.id} keyResult={kr} />
            ))
          )}
        </Box>
      ))}
    </article>
  );
}

function CommitmentItems(props: {
  items: Commitment[];
  themes: ThemeView[];
  label: string;
}) {
  const { items, themes, label } = props;
  const classes = useReviewStyles();
  const themeTitle = (id?: string) =>
    id && themes.find(v => v.theme.id === id)?.theme.title;
  return (
    <ul className={classes.plain} aria-label={label}>
      {items.map(c => {
        const under = themeTitle(c.themeId);
        return (
          <li key={c.id} className={classes.block}>
            <Box className={classes.row}>
              <Typography variant="body1" component="span">
                <strong>{c.title}</strong>
              </Typography>
              {under && <Chip size="small" variant="outlined" label={under} />}
            </Box>
            {c.kind === 'deprioritized' && (
              <Typography variant="body2">
                <strong>Why:</strong> {c.reason ?? 'no reason given'}
              </Typography>
            )}
            {c.description && <UserMarkdown content={c.description} />}
          </li>
        );
      })}
    </ul>
  );
}

/** What shipped for a consuming team, and how the time saved is counted. */
function ImpactTable({ consumer }: { consumer: ReviewConsumer }) {
  const { impact } = consumer;
  const classes = useReviewStyles();
  const name = consumer.team.title ?? consumer.team.name;
  return (
    <Table size="small" className={classes.table}>
      <caption className={classes.caption}>
        How the time saved for {name} is counted: hours per engineer per week ×
        engineers affected × weeks since it shipped
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Request
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Hours/eng/week
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Engineers
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Weeks
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Hours saved
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {impact.items.map(item => (
          <TableRow key={`${item.requestId} ${item.entityRef}`}>
            <TableCell component="th" scope="row">
              {item.title}
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {item.via === 'filed' ? 'Filed' : '+1'} from{' '}
                {entityName(item.entityRef)}, shipped {item.shippedOn}
              </Typography>
            </TableCell>
            <TableCell align="right">
              {formatNumber(item.hoursPerEngineerPerWeek)}
            </TableCell>
            <TableCell align="right">× {item.engineersAffected}</TableCell>
            <TableCell align="right">× {formatNumber(item.weeks)}</TableCell>
            <TableCell align="right">
              = {formatNumber(item.hoursSaved)}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row" colSpan={4}>
            Total: {formatNumber(impact.hoursSaved)} hours ÷ {HOURS_PER_WEEK}{' '}
            hours a week
          </TableCell>
          <TableCell align="right">
            <strong>
              {formatNumber(impact.personWeeksSaved)} person-weeks
            </strong>
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

function ConsumerBlock(props: { consumer: ReviewConsumer; quarter: string }) {
  const { consumer, quarter } = props;
  const { team, impact, openRequests, pendingMigrations } = consumer;
  const classes = useReviewStyles();
  const name = team.title ?? team.name;
  const headingId = `customer-review-consumer-${team.namespace}-${team.name}`;
  return (
    <article aria-labelledby={headingId} className={classes.block}>
      <Typography id={headingId} variant="subtitle1" component="h4">
        <strong>
          <EntityRefLink entityRef={team.entityRef} title={name} />
        </strong>
      </Typography>

      <Typography variant="subtitle2" component="h5">
        What shipped for you
      </Typography>
      {impact.items.length === 0 ? (
        <Nothing>
          Nothing shipped for {name} in {periodLabel(quarter)}.
        </Nothing>
      ) : (
        <>
          <Typography variant="body1">
            <strong>{personWeeksLabel(impact.personWeeksSaved)}</strong> in{' '}
            {periodLabel(quarter)}
          </Typography>
          <ImpactTable consumer={consumer} />
        </>
      )}

      <Typography variant="subtitle2" component="h5">
        Your open requests
      </Typography>
      {openRequests.length === 0 ? (
        <Nothing>No open requests.</Nothing>
      ) : (
        <ul className={classes.list} aria-label={`Open requests of ${name}`}>
          {openRequests.map(r => (
            <li key={r.id}>
              <Typography variant="body2">
                {r.title} ({STATUS_LABELS[r.status]})
              </Typography>
            </li>
          ))}
        </ul>
      )}

      <Typography variant="subtitle2" component="h5">
        Your pending migrations
      </Typography>
      {pendingMigrations.length === 0 ? (
        <Nothing>No pending migrations.</Nothing>
      ) : (
        <ul
          className={classes.list}
          aria-label={`Pending migrations of ${name}`}
        >
          {pendingMigrations.map(m => {
            const base = m.entityTitle ?? entityName(m.entityRef);
            return (
              <li key={m.deprecationId}>
                <Typography variant="body2">
                  <strong>
                    {m.entityVersion ? `${base} ${m.entityVersion}` : base}
                  </strong>{' '}
                  — sunset {m.sunsetOn}, {daysLeftLabel(m.daysLeft)}. Still used
                  by{' '}
                  {m.consumers.map((ref, index) => (
                    <span key={ref}>
                      {index > 0 && ', '}
                      <EntityRefLink entityRef={ref} />
                    </span>
                  ))}
                </Typography>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}

/** Whether a review has nothing in it at all. */
export function isEmptyReview(review: CustomerReview): boolean {
  return (
    review.themes.length === 0 &&
    review.committed.length === 0 &&
    review.deprioritized.length === 0 &&
    review.asks.length === 0 &&
    review.shipped.length === 0 &&
    review.deprecations.length === 0 &&
    review.consumers.length === 0 &&
    !(review.capacity && review.capacity.version > 0) &&
    !review.satisfaction?.count
  );
}

/**
 * The quarterly customer review as a document: the team, its themes, what
 * it commits to and deprioritizes, what it needs, what shipped, its
 * deprecations, capacity and satisfaction, and a part for each consuming
 * team. Members add and edit the asks.
 */
export function CustomerReviewDocument(props: {
  review: CustomerReview;
  canManage: boolean;
  onEditAsk: (ask?: ReviewAsk) => void;
}) {
  const { review, canManage, onEditAsk } = props;
  const classes = useReviewStyles();
  const quarter = periodLabel(review.quarter);
  const teamName = review.team.title ?? review.team.name;
  const { satisfaction } = review;

  return (
    <article
      aria-labelledby="customer-review-title"
      className={classes.document}
    >
      <Typography id="customer-review-title" variant="h4" component="h2">
        Customer review: {teamName}, {quarter}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Generated from the team's roadmap on {review.generatedAt.slice(0, 10)}
      </Typography>

      <Section id="customer-review-team" title="The team and how to reach it">
        <Typography variant="body1">
          <EntityRefLink entityRef={review.team.entityRef} title={teamName} />
          {review.team.description && ` — ${review.team.description}`}
        </Typography>
        {review.contact.length > 0 ? (
          <Box mt={1}>
            <ContactChannels
              channels={review.contact}
              teamName={teamName}
              headingLevel={4}
            />
          </Box>
        ) : (
          <Nothing>
            No office hours, chat channel or newsletter on the team's Group
            entity yet.
          </Nothing>
        )}
      </Section>

      <Section id="customer-review-themes" title={`Themes for ${quarter}`}>
        {review.themes.length === 0 ? (
          <Nothing>
            No themes for {quarter} or {review.quarter.slice(0, 4)}.
          </Nothing>
        ) : (
          review.themes.map(view => (
            <ThemeBlock key={view.theme.id} view={view} />
          ))
        )}
      </Section>

      <Section id="customer-review-committed" title="What we commit to">
        {review.committed.length === 0 ? (
          <Nothing>Nothing committed for {quarter} yet.</Nothing>
        ) : (
          <CommitmentItems
            items={review.committed}
            themes={review.themes}
            label="What we commit to"
          />
        )}
      </Section>

      <Section
        id="customer-review-deprioritized"
        title="What we deprioritize, and why"
      >
        {review.deprioritized.length === 0 ? (
          <Nothing>Nothing deprioritized for {quarter}.</Nothing>
        ) : (
          <CommitmentItems
            items={review.deprioritized}
            themes={review.themes}
            label="What we deprioritize"
          />
        )}
      </Section>

      <Section
        id="customer-review-asks"
        title="What we need from you"
        action={
          canManage && (
            <Button
              size="small"
              color="primary"
              className={classes.noPrint}
              onClick={() => onEditAsk()}
            >
              Add ask
            </Button>
          )
        }
      >
        {review.asks.length === 0 ? (
          <Nothing>Nothing asked of consuming teams for {quarter} yet.</Nothing>
        ) : (
          <ul className={classes.list} aria-label="What we need from you">
            {review.asks.map(ask => (
              <li key={ask.id}>
                <Box className={classes.row}>
                  <Typography variant="body1" component="span">
                    <strong>{ASK_KIND_LABELS[ask.kind]}:</strong> {ask.text}
                  </Typography>
                  {canManage && (
                    <Button
                      size="small"
                      className={classes.noPrint}
                      aria-label={`Edit ask: ${ask.text}`}
                      onClick={() => onEditAsk(ask)}
                    >
                      Edit
                    </Button>
                  )}
                </Box>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="customer-review-shipped" title="What shipped">
        {review.shipped.length === 0 ? (
          <Nothing>No release notes published in {quarter}.</Nothing>
        ) : (
          <Table size="small" aria-label={`What shipped in ${quarter}`}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Date
                </TableCell>
                <TableCell component="th" scope="col">
                  Type
                </TableCell>
                <TableCell component="th" scope="col">
                  What
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {review.shipped.map(note => (
                <TableRow key={note.id}>
                  <TableCell>{note.publishedOn}</TableCell>
                  <TableCell>{TYPE_LABELS[note.type]}</TableCell>
                  <TableCell component="th" scope="row">
                    {note.title}
                    {note.releaseVersion && ` (${note.releaseVersion})`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="customer-review-deprecations" title="Deprecations">
        {review.deprecations.length === 0 ? (
          <Nothing>No deprecations in {quarter}.</Nothing>
        ) : (
          <Table size="small" aria-label="Deprecations">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Going away
                </TableCell>
                <TableCell component="th" scope="col">
                  Sunset
                </TableCell>
                <TableCell component="th" scope="col">
                  Days left
                </TableCell>
                <TableCell component="th" scope="col">
                  Remaining consumers
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {review.deprecations.map(d => (
                <TableRow key={d.id}>
                  <TableCell component="th" scope="row">
                    {deprecatedName(d, d.entity)}
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {DEPRECATION_STATUS_LABELS[d.status]}
                      {d.replacement &&
                        `; use ${d.replacement.title ?? d.replacement.name}`}
                    </Typography>
                  </TableCell>
                  <TableCell>{d.sunsetOn}</TableCell>
                  <TableCell>{daysLeftLabel(d.daysLeft)}</TableCell>
                  <TableCell>
                    {remainingLabel(d.consumerCount, d.teamCount)}
                    {d.consumingTeams.length > 0 &&
                      `: ${d.consumingTeams
                        .map(t => t.team.title ?? t.team.name)
                        .join(', ')}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="customer-review-capacity" title="Capacity">
        {review.capacity && review.capacity.version > 0 ? (
          <CapacityBar budget={review.capacity} />
        ) : (
          <Nothing>No capacity budget planned for {quarter}.</Nothing>
        )}
      </Section>

      <Section id="customer-review-satisfaction" title="Satisfaction">
        {satisfaction?.count && satisfaction.average !== undefined ? (
          <Typography variant="body1">
            <strong>{formatNumber(satisfaction.average)} out of 5</strong> from{' '}
            {satisfaction.count}{' '}
            {satisfaction.count === 1 ? 'response' : 'responses'} of consuming
            teams in {periodLabel(satisfaction.period)}
          </Typography>
        ) : (
          <Nothing>No survey responses for {quarter} yet.</Nothing>
        )}
      </Section>

      <Section id="customer-review-consumers" title="For each consuming team">
        {review.consumers.length === 0 ? (
          <Nothing>No team depends on the platform yet.</Nothing>
        ) : (
          <>
            <Box mb={2}>
              <Typography variant="body2" color="textSecondary">
                The time saved is counted from each team's own figures when it
                asked: hours lost per engineer per week × engineers affected,
                over the weeks of {quarter} after it shipped ({HOURS_PER_WEEK}{' '}
                hours make a person-week).
              </Typography>
            </Box>
            {review.consumers.map(consumer => (
              <ConsumerBlock
                key={consumer.team.entityRef}
                consumer={consumer}
                quarter={review.quarter}
              />
            ))}
          </>
        )}
      </Section>
    </article>
  );
}
