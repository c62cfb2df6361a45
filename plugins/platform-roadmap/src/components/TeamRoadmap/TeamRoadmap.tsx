import { ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  countTeamsImpacted,
  Commitment,
  CommitmentKind,
  KeyResult,
  Objective,
  ObjectiveView,
  periodLabel,
  platformRoadmapTeamManagePermission,
  TeamRoadmap as TeamRoadmapData,
  Theme,
  THEME_CATEGORIES,
  ThemeView,
  isQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { statusLabel } from '../FileRequestDialog/helpers';
import { UserMarkdown } from '../UserContent';
import {
  CATEGORY_LABELS,
  KeyResultProgress,
  THEME_STATUS_LABELS,
} from '../KeyResultProgress';
import { CheckInDialog } from './CheckInDialog';
import { CommitmentDialog } from './CommitmentDialog';
import { KeyResultDialog } from './KeyResultDialog';
import { byLabel, formatValue, overLimitMessage } from './labels';
import { ObjectiveDialog } from './ObjectiveDialog';
import { ThemeDialog } from './ThemeDialog';

const useStyles = makeStyles(theme => ({
  theme: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  objective: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  plain: { listStyle: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
}));

/** What a dialog is open for. */
type Editing =
  | { type: 'theme'; theme?: Theme }
  | { type: 'objective'; theme: Theme; objective?: Objective }
  | {
      type: 'key-result';
      theme: Theme;
      objective: Objective;
      keyResult?: KeyResult;
    }
  | { type: 'check-in'; keyResult: KeyResult }
  | { type: 'commitment'; commitment?: Commitment };

type Edit = (editing: Editing) => void;

/** How many check-ins a key result's history shows. */
const HISTORY_LENGTH = 5;

function KeyResultItem(props: { keyResult: KeyResult; actions?: ReactNode }) {
  const { keyResult: kr, actions } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const historyId = `team-roadmap-history-${kr.id}`;
  const latest = kr.checkIns.slice(-HISTORY_LENGTH).reverse();
  return (
    <li>
      <KeyResultProgress
        keyResult={kr}
        actions={
          <Box className={classes.row}>
            {kr.checkIns.length > 0 && (
              <Button
                size="small"
                aria-expanded={open}
                aria-controls={open ? historyId : undefined}
                aria-label={`History (${kr.checkIns.length} check-ins): ${kr.title}`}
                onClick={() => setOpen(!open)}
              >
                History ({kr.checkIns.length})
              </Button>
            )}
            {actions}
          </Box>
        }
      />
      {open && (
        <Box mt={-1} mb={2}>
          <ul
            id={historyId}
            aria-label={`Latest check-ins: ${kr.title}`}
            className={classes.list}
          >
            {latest.map(c => (
              <li key={c.id}>
                <Typography variant="caption">
                  {c.at.slice(0, 10)}:{' '}
                  <strong>{formatValue(c.value, kr.unit)}</strong>
                  {c.note && ` — ${c.note}`}
                  {c.guardrailBreached && ' — guardrail crossed'} (by{' '}
                  {byLabel(c.by)})
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </li>
  );
}

function ObjectiveSection(props: {
  theme: Theme;
  objective: ObjectiveView;
  canManage: boolean;
  edit: Edit;
}) {
  const { theme, objective, canManage, edit } = props;
  const classes = useStyles();
  const headingId = `team-roadmap-objective-${objective.id}`;
  return (
    <section className={classes.objective} aria-labelledby={headingId}>
      <Box className={classes.row}>
        <Typography id={headingId} variant="subtitle1" component="h5">
          {objective.title}
        </Typography>
        {canManage && (
          <>
            <Button
              size="small"
              aria-label={`Edit objective: ${objective.title}`}
              onClick={() => edit({ type: 'objective', theme, objective })}
            >
              Edit objective
            </Button>
            <Button
              size="small"
              color="primary"
              aria-label={`Add key result to ${objective.title}`}
              onClick={() => edit({ type: 'key-result', theme, objective })}
            >
              Add key result
            </Button>
          </>
        )}
      </Box>
      {objective.keyResults.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No key results yet.
        </Typography>
      ) : (
        <ul
          className={classes.plain}
          aria-label={`Key results: ${objective.title}`}
        >
          {objective.keyResults.map(kr => (
            <KeyResultItem
              key={kr.id}
              keyResult={kr}
              actions={
                canManage && (
                  <>
                    <Button
                      size="small"
                      variant="outlined"
                      color="primary"
                      aria-label={`Check in: ${kr.title}`}
                      onClick={() => edit({ type: 'check-in', keyResult: kr })}
                    >
                      Check in
                    </Button>
                    <Button
                      size="small"
                      aria-label={`Edit key result: ${kr.title}`}
                      onClick={() =>
                        edit({
                          type: 'key-result',
                          theme,
                          objective,
                          keyResult: kr,
                        })
                      }
                    >
                      Edit key result
                    </Button>
                  </>
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ThemeCard(props: { view: ThemeView; canManage: boolean; edit: Edit }) {
  const { view, canManage, edit } = props;
  const { theme, objectives, requests, teamsImpacted } = view;
  const classes = useStyles();
  const titleId = `team-roadmap-theme-${theme.id}`;
  return (
    <article className={classes.theme} aria-labelledby={titleId}>
      <Box className={classes.row}>
        <Typography id={titleId} variant="h6" component="h4">
          {theme.title}
        </Typography>
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
        <Box flexGrow={1} />
        {canManage && (
          <>
            <Button
              size="small"
              aria-label={`Edit theme: ${theme.title}`}
              onClick={() => edit({ type: 'theme', theme })}
            >
              Edit theme
            </Button>
            <Button
              size="small"
              color="primary"
              aria-label={`Add objective to ${theme.title}`}
              onClick={() => edit({ type: 'objective', theme })}
            >
              Add objective
            </Button>
          </>
        )}
      </Box>
      <Typography variant="body1">
        <strong>Outcome:</strong> {theme.outcome}
      </Typography>
      {theme.status === 'deprioritized' && theme.statusReason && (
        <Typography variant="body2">
          <strong>Why deprioritized:</strong> {theme.statusReason}
        </Typography>
      )}
      {theme.description && <UserMarkdown content={theme.description} />}
      {theme.entityRefs.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          About:{' '}
          {theme.entityRefs.map((ref, index) => (
            <span key={ref}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={ref} />
            </span>
          ))}
        </Typography>
      )}

      {objectives.length === 0 ? (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            No objectives yet.
          </Typography>
        </Box>
      ) : (
        objectives.map(objective => (
          <ObjectiveSection
            key={objective.id}
            theme={theme}
            objective={objective}
            canManage={canManage}
            edit={edit}
          />
        ))
      )}

      <Grid container spacing={2} style={{ marginTop: 8 }}>
        <Grid item xs={12} md={6}>
          <Typography variant="subtitle2" component="h5">
            Planned requests ({requests.length})
          </Typography>
          {requests.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No requests planned under this theme yet.
            </Typography>
          ) : (
            <ul
              className={classes.list}
              aria-label={`Requests planned under ${theme.title}`}
            >
              {requests.map(({ request }) => (
                <li key={request.id}>
                  <Typography variant="body2">
                    {request.title} ({statusLabel(request)}
                    {request.plannedQuarter
                      ? `, ${periodLabel(request.plannedQuarter)}`
                      : ''}
                    )
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="subtitle2" component="h5">
            Teams impacted: {countTeamsImpacted(teamsImpacted)}
          </Typography>
          {teamsImpacted.teams.length > 0 && (
            <ul
              className={classes.list}
              aria-label={`Teams impacted by ${theme.title}`}
            >
              {teamsImpacted.teams.map(({ team }) => (
                <li key={team.entityRef}>
                  <EntityRefLink
                    entityRef={team.entityRef}
                    title={team.title ?? team.name}
                  />
                </li>
              ))}
            </ul>
          )}
        </Grid>
      </Grid>
    </article>
  );
}

function CommitmentList(props: {
  kind: CommitmentKind;
  roadmap: TeamRoadmapData;
  canManage: boolean;
  edit: Edit;
}) {
  const { kind, roadmap, canManage, edit } = props;
  const classes = useStyles();
  const items = roadmap.commitments.filter(c => c.kind === kind);
  const headingId = `team-roadmap-${kind}`;
  const themeTitle = (id?: string) =>
    id && roadmap.themes.find(t => t.theme.id === id)?.theme.title;
  return (
    <>
      <Typography id={headingId} variant="subtitle1" component="h4">
        {kind === 'committed' ? 'Committed' : 'Deprioritized'} ({items.length})
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing {kind} for {periodLabel(roadmap.quarter)}.
        </Typography>
      ) : (
        <ul className={classes.plain} aria-labelledby={headingId}>
          {items.map(c => {
            const under = themeTitle(c.themeId);
            return (
              <li key={c.id}>
                <Box mb={2}>
                  <Box className={classes.row}>
                    <Typography variant="body1" component="span">
                      <strong>{c.title}</strong>
                    </Typography>
                    {under && (
                      <Chip size="small" variant="outlined" label={under} />
                    )}
                    {canManage && (
                      <Button
                        size="small"
                        aria-label={`Edit commitment: ${c.title}`}
                        onClick={() =>
                          edit({ type: 'commitment', commitment: c })
                        }
                      >
                        Edit
                      </Button>
                    )}
                  </Box>
                  {c.kind === 'deprioritized' && c.reason && (
                    <Typography variant="body2">
                      <strong>Why:</strong> {c.reason}
                    </Typography>
                  )}
                  {c.description && <UserMarkdown content={c.description} />}
                </Box>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function RoadmapContent(props: {
  roadmap: TeamRoadmapData;
  canManage: boolean;
  edit: Edit;
}) {
  const { roadmap, canManage, edit } = props;
  const quarter = periodLabel(roadmap.quarter);
  const { themesInYear } = roadmap;
  const addButtons = canManage && (
    <Box display="flex" style={{ gap: 8 }}>
      <Button
        variant="contained"
        color="primary"
        onClick={() => edit({ type: 'theme' })}
      >
        Add the first theme
      </Button>
      <Button variant="outlined" onClick={() => edit({ type: 'commitment' })}>
        Add a commitment for {quarter}
      </Button>
    </Box>
  );
  const warning = themesInYear.overLimit && (
    <Box mb={2}>
      <WarningPanel
        severity="warning"
        title={overLimitMessage(themesInYear.count, themesInYear.year)}
        message="Fewer themes keep the team focused: consider merging or deprioritizing some."
      />
    </Box>
  );

  if (roadmap.themes.length === 0 && roadmap.commitments.length === 0) {
    return (
      <>
        {warning}
        <EmptyState
          missing="content"
          title={`Nothing on the roadmap for ${quarter} yet`}
          description="Themes name the outcomes the team promises for the year or the quarter, with objectives and measurable key results; commitments say what the team takes on this quarter, and what it says no to and why."
          action={addButtons || undefined}
        />
      </>
    );
  }

  return (
    <>
      {warning}
      {roadmap.themes.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No themes for {quarter} or {roadmap.quarter.slice(0, 4)} yet.
        </Typography>
      )}
      {THEME_CATEGORIES.map(category => {
        const views = roadmap.themes.filter(v => v.theme.category === category);
        if (views.length === 0) return null;
        const headingId = `team-roadmap-category-${category}`;
        return (
          <section key={category} aria-labelledby={headingId}>
            <Box mt={2} mb={1}>
              <Typography id={headingId} variant="h6" component="h3">
                {CATEGORY_LABELS[category]}
              </Typography>
            </Box>
            {views.map(view => (
              <ThemeCard
                key={view.theme.id}
                view={view}
                canManage={canManage}
                edit={edit}
              />
            ))}
          </section>
        );
      })}
      <section aria-labelledby="team-roadmap-commitments">
        <Box mt={3} mb={1} display="flex" alignItems="center">
          <Typography id="team-roadmap-commitments" variant="h6" component="h3">
            Commitments for {quarter}
          </Typography>
          <Box flexGrow={1} />
          {canManage && (
            <Button
              size="small"
              color="primary"
              variant="outlined"
              aria-label={`Add commitment for ${quarter}`}
              onClick={() => edit({ type: 'commitment' })}
            >
              Add commitment
            </Button>
          )}
        </Box>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <CommitmentList
              kind="committed"
              roadmap={roadmap}
              canManage={canManage}
              edit={edit}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <CommitmentList
              kind="deprioritized"
              roadmap={roadmap}
              canManage={canManage}
              edit={edit}
            />
          </Grid>
        </Grid>
      </section>
    </>
  );
}

function EditingDialog(props: {
  editing: Editing;
  teamRef: string;
  roadmap: TeamRoadmapData;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { editing, teamRef, roadmap, onClose, onSaved } = props;
  const common = { onClose, onSaved };
  switch (editing.type) {
    case 'theme':
      return (
        <ThemeDialog
          {...common}
          teamRef={teamRef}
          quarter={roadmap.quarter}
          theme={editing.theme}
        />
      );
    case 'objective':
      return (
        <ObjectiveDialog
          {...common}
          theme={editing.theme}
          objective={editing.objective}
        />
      );
    case 'key-result':
      return (
        <KeyResultDialog
          {...common}
          theme={editing.theme}
          objective={editing.objective}
          keyResult={editing.keyResult}
        />
      );
    case 'check-in':
      return <CheckInDialog {...common} keyResult={editing.keyResult} />;
    default:
      return (
        <CommitmentDialog
          {...common}
          teamRef={teamRef}
          quarter={roadmap.quarter}
          quarters={roadmap.quarters}
          themes={roadmap.themes.map(v => v.theme)}
          commitment={editing.commitment}
        />
      );
  }
}

/**
 * A platform team's roadmap for a quarter: its themes by category with
 * their objectives and key results, the requests planned under them and the
 * teams impacted; and what the team commits to, or deprioritizes and why.
 * Members add and edit from here.
 *
 * @public
 */
export function TeamRoadmap({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  // A link may name the quarter (`?quarter=2026-Q3`, as search results
  // do); otherwise undefined until chosen: the backend shows the current one.
  const [params] = useSearchParams();
  const [quarter, setQuarter] = useState<string | undefined>(() => {
    const linked = params.get('quarter');
    return linked && isQuarter(linked) ? linked : undefined;
  });
  const [editing, setEditing] = useState<Editing>();
  const { value, loading, error, retry } = useAsyncRetry(
    async () => ({
      quarter,
      roadmap: await (quarter
        ? api.getRoadmap(teamRef, quarter)
        : api.getRoadmap(teamRef)),
    }),
    [api, teamRef, quarter],
  );
  const roadmap = value?.roadmap;
  // After a save the roadmap reloads in place; another quarter starts over.
  const stale = value !== undefined && value.quarter !== quarter;

  const shown = quarter ?? roadmap?.quarter;
  const quarters = roadmap
    ? [...new Set([...(shown ? [shown] : []), ...roadmap.quarters])].sort(
        (a, b) => b.localeCompare(a),
      )
    : [];
  const header = roadmap && (
    <Box display="flex" alignItems="center" p={1} style={{ gap: 8 }}>
      <TextField
        select
        id="team-roadmap-quarter"
        label="Quarter"
        SelectProps={{ native: true }}
        value={shown}
        onChange={e => setQuarter(e.target.value)}
        size="small"
        variant="outlined"
        style={{ minWidth: 140 }}
      >
        {quarters.map(q => (
          <option key={q} value={q}>
            {periodLabel(q)}
          </option>
        ))}
      </TextField>
      {canManage && (
        <Button
          variant="contained"
          color="primary"
          onClick={() => setEditing({ type: 'theme' })}
        >
          Add theme
        </Button>
      )}
    </Box>
  );

  let content: ReactNode;
  if (loading && (!roadmap || stale)) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (roadmap) {
    content = (
      <RoadmapContent
        roadmap={roadmap}
        canManage={canManage}
        edit={setEditing}
      />
    );
  }

  return (
    <InfoCard
      title="Roadmap"
      subheader="Themes, objectives and key results, and the quarter's commitments"
      action={header}
    >
      {content}
      {editing && roadmap && (
        <EditingDialog
          editing={editing}
          teamRef={teamRef}
          roadmap={roadmap}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
