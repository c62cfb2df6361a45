import { FormEvent, ReactNode, useMemo, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  countTeamsImpacted,
  ContactChannel,
  IMPACT_TYPES,
  ImpactType,
  newEndorsementSchema,
  newRequestSchema,
  PlatformRequest,
  RankedRequest,
  REQUEST_KINDS,
  RequestKind,
  Severity,
  SEVERITIES,
  weeklyHours,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { platformRoadmapApiRef } from '../../api';
import { IMPACT_LABELS, KIND_LABELS, SEVERITY_LABELS } from '../Backlog/labels';
import { errorMessage, involvement, statusLabel } from './helpers';
import { ContactChannels } from '../ContactChannels';
import { findSimilarRequests } from './similarRequests';

/**
 * A platform team the request can go to.
 *
 * @public
 */
export interface PlatformTeamOption {
  /** The platform team's Group entity ref. */
  entityRef: string;
  title: string;
  /** Whether the requesting entity depends on one of the team's entities. */
  dependedOn: boolean;
  /** How to reach the team (office hours, chat, newsletter). */
  contact?: ContactChannel[];
  /**
   * The team's platform entities the requesting entity uses; a request to
   * the team is about them, which counts their other dependents as impacted.
   */
  usedEntityRefs?: string[];
}

/**
 * Props of {@link FileRequestDialog}.
 *
 * @public
 */
export interface FileRequestDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called with the new (or endorsed) request once the backend has it. */
  onFiled: (request: PlatformRequest) => void;
  /** The entity the request is filed from. */
  entityRef: string;
  /** Depended-on teams first; the first depended-on team is preselected. */
  platformTeams: PlatformTeamOption[];
  /** True while the platform teams are still loading. */
  platformTeamsLoading?: boolean;
  /** Why the platform teams could not be loaded. */
  platformTeamsError?: Error;
}

/** Statuses of requests worth "+1"-ing instead of filing a duplicate. */
const OPEN_STATUSES: ['open', 'triaged', 'planned'] = [
  'open',
  'triaged',
  'planned',
];

const TITLE_ID = 'platform-roadmap-file-request-dialog-title';
const SIMILAR_ID = 'platform-roadmap-file-request-similar-heading';

/** The form fields, by the zod issue path of the value they hold. */
const FIELDS = {
  platformTeamRef: 'platform-team',
  title: 'title',
  kind: 'kind',
  impactType: 'impact-type',
  severity: 'severity',
  'cost.hoursPerEngineerPerWeek': 'hours',
  'cost.engineersAffected': 'engineers',
  'cost.evidence': 'evidence',
  description: 'description',
} as const;
type FieldKey = keyof typeof FIELDS;
type FieldErrors = Partial<Record<FieldKey, string>>;

const fieldId = (key: FieldKey) =>
  `platform-roadmap-file-request-${FIELDS[key]}`;
const isFieldKey = (path: string): path is FieldKey => path in FIELDS;

/**
 * Messages for the issues the schemas have no message of their own for:
 * empty or non-numeric numbers and unknown choices.
 */
function friendlyError(issue: { code?: string; input?: unknown }) {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : 'must be a number';
  }
  if (issue.code === 'invalid_value') return 'choose one of the options';
  return undefined;
}

/** An empty number field is missing, not zero. */
function toNumber(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

function formatHours(hours: number): string {
  return hours.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

function SimilarRequests(props: {
  similar: RankedRequest[];
  entityRef: string;
  busy: boolean;
  onEndorse: (request: RankedRequest) => void;
}) {
  const { similar, entityRef, busy, onEndorse } = props;
  return (
    <Box mt={1}>
      <Typography id={SIMILAR_ID} variant="subtitle2" component="h3">
        Similar requests
      </Typography>
      <Typography variant="caption" color="textSecondary">
        If one of these is what you need, add your cost to it instead of filing
        a duplicate: more teams asking ranks it higher.
      </Typography>
      <List dense aria-labelledby={SIMILAR_ID}>
        {similar.map(item => {
          const { request } = item;
          const already = involvement(request, entityRef);
          const teams = countTeamsImpacted(item.teamsImpacted);
          return (
            <ListItem key={request.id}>
              <ListItemText
                primary={request.title}
                secondary={`${statusLabel(request)} · ${teams} ${
                  teams === 1 ? 'team' : 'teams'
                } impacted`}
              />
              <ListItemSecondaryAction>
                {already ? (
                  <Typography variant="caption" color="textSecondary">
                    {already === 'filed'
                      ? 'Filed from here'
                      : 'Already endorsed'}
                  </Typography>
                ) : (
                  <Button
                    size="small"
                    color="primary"
                    variant="outlined"
                    disabled={busy}
                    onClick={() => onEndorse(item)}
                  >
                    +1 instead
                  </Button>
                )}
              </ListItemSecondaryAction>
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}

function FileRequestForm(props: FileRequestDialogProps) {
  const { onClose, onFiled, entityRef, platformTeams } = props;
  const api = useApi(platformRoadmapApiRef);

  const [platformTeamRef, setPlatformTeamRef] = useState(
    () =>
      (platformTeams.find(t => t.dependedOn) ?? platformTeams[0])?.entityRef ??
      '',
  );
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<RequestKind>('slowdown');
  const [impactType, setImpactType] = useState<ImpactType>('velocity-tax');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [hours, setHours] = useState('');
  const [engineers, setEngineers] = useState('');
  const [evidence, setEvidence] = useState('');
  const [description, setDescription] = useState('');

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const [searchTitle, setSearchTitle] = useState('');
  useDebounce(() => setSearchTitle(title.trim()), 300, [title]);
  const searchable = searchTitle.length >= 5;
  const backlog = useAsync(async () => {
    if (!searchable || !platformTeamRef) return undefined;
    return api.getBacklog(platformTeamRef, {
      status: OPEN_STATUSES,
      limit: 100,
    });
  }, [api, platformTeamRef, searchable]);
  const similar = useMemo(
    () =>
      // While another team's backlog loads, the old one's matches are stale.
      searchable && !backlog.loading && backlog.value
        ? findSimilarRequests(searchTitle, backlog.value.items)
        : [],
    [searchable, searchTitle, backlog.loading, backlog.value],
  );

  const cost = {
    hoursPerEngineerPerWeek: toNumber(hours),
    engineersAffected: toNumber(engineers),
    ...(evidence.trim() ? { evidence } : {}),
  };
  const total = weeklyHours({
    hoursPerEngineerPerWeek: Number(hours) || 0,
    engineersAffected: Number(engineers) || 0,
  });

  /** Puts each issue next to its field; the rest above the buttons. */
  function showIssues(issues: { path: PropertyKey[]; message: string }[]) {
    const byField: FieldErrors = {};
    const other: string[] = [];
    for (const issue of issues) {
      const path = issue.path.map(String).join('.');
      const message = path ? `${path}: ${issue.message}` : issue.message;
      if (isFieldKey(path)) {
        byField[path] = byField[path] ?? message;
      } else {
        other.push(message);
      }
    }
    setFieldErrors(byField);
    setFormErrors(other);
    const first = (Object.keys(FIELDS) as FieldKey[]).find(k => byField[k]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function send(call: () => Promise<PlatformRequest>) {
    setFieldErrors({});
    setFormErrors([]);
    setBusy(true);
    try {
      const result = await call();
      onFiled(result);
    } catch (error) {
      setFormErrors([errorMessage(error)]);
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = newRequestSchema.safeParse(
      {
        title,
        description,
        kind,
        impactType,
        severity,
        cost,
        requestingEntityRef: entityRef,
        platformTeamRef,
        aboutEntityRefs:
          platformTeams.find(t => t.entityRef === platformTeamRef)
            ?.usedEntityRefs ?? [],
      },
      { error: friendlyError },
    );
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      return;
    }
    // One key per filing: a retry of the same filing (a timeout, a second
    // click) gets the request filed the first time, not a duplicate.
    const idempotencyKey = filingKey(parsed.data);
    send(() => api.fileRequest(parsed.data, { idempotencyKey }));
  }

  function endorse(target: RankedRequest) {
    if (busy) return;
    const parsed = newEndorsementSchema.safeParse(
      { entityRef, cost },
      { error: friendlyError },
    );
    if (!parsed.success) {
      showIssues(parsed.error.issues);
      return;
    }
    send(() => api.endorse(target.request.id, parsed.data));
  }

  const errorProps = (key: FieldKey, helperText?: ReactNode) => ({
    id: fieldId(key),
    error: Boolean(fieldErrors[key]),
    helperText: fieldErrors[key] ?? helperText,
  });

  const dependedOn = platformTeams.filter(t => t.dependedOn);
  const others = platformTeams.filter(t => !t.dependedOn);
  const selected = platformTeams.find(t => t.entityRef === platformTeamRef);

  return (
    <form noValidate onSubmit={submit}>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              {...errorProps(
                'platformTeamRef',
                platformTeams.length === 0
                  ? 'No platform teams found in the catalog.'
                  : undefined,
              )}
              select
              SelectProps={{ native: true }}
              label="Platform team"
              value={platformTeamRef}
              onChange={e => setPlatformTeamRef(e.target.value)}
              fullWidth
              required
              variant="outlined"
            >
              {platformTeams.length === 0 && <option value="" />}
              {dependedOn.length > 0 && (
                <optgroup label="Teams this entity depends on">
                  {dependedOn.map(t => (
                    <option key={t.entityRef} value={t.entityRef}>
                      {t.title}
                    </option>
                  ))}
                </optgroup>
              )}
              {others.length > 0 && (
                <optgroup
                  label={
                    dependedOn.length > 0
                      ? 'Other platform teams'
                      : 'Platform teams'
                  }
                >
                  {others.map(t => (
                    <option key={t.entityRef} value={t.entityRef}>
                      {t.title}
                    </option>
                  ))}
                </optgroup>
              )}
            </TextField>
            {selected?.contact?.length ? (
              <Box mt={1}>
                <ContactChannels
                  channels={selected.contact}
                  teamName={selected.title}
                  headingLevel={3}
                />
              </Box>
            ) : null}
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...errorProps('title', 'One line: what is wrong or missing')}
              label="Title"
              value={title}
              onChange={e => setTitle(e.target.value)}
              fullWidth
              required
              variant="outlined"
            />
            {similar.length > 0 && (
              <SimilarRequests
                similar={similar}
                entityRef={entityRef}
                busy={busy}
                onEndorse={endorse}
              />
            )}
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...errorProps('kind')}
              select
              SelectProps={{ native: true }}
              label="Kind"
              value={kind}
              onChange={e => setKind(e.target.value as RequestKind)}
              fullWidth
              required
              variant="outlined"
            >
              {REQUEST_KINDS.map(value => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...errorProps('impactType')}
              select
              SelectProps={{ native: true }}
              label="Impact type"
              value={impactType}
              onChange={e => setImpactType(e.target.value as ImpactType)}
              fullWidth
              required
              variant="outlined"
            >
              {IMPACT_TYPES.map(value => (
                <option key={value} value={value}>
                  {IMPACT_LABELS[value]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              {...errorProps('severity')}
              select
              SelectProps={{ native: true }}
              label="Severity"
              value={severity}
              onChange={e => setSeverity(e.target.value as Severity)}
              fullWidth
              required
              variant="outlined"
            >
              {SEVERITIES.map(value => (
                <option key={value} value={value}>
                  {SEVERITY_LABELS[value]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...errorProps('cost.hoursPerEngineerPerWeek')}
              type="number"
              label="Hours lost per engineer per week"
              value={hours}
              onChange={e => setHours(e.target.value)}
              inputProps={{ min: 0, max: 168, step: 0.5 }}
              fullWidth
              required
              variant="outlined"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...errorProps('cost.engineersAffected')}
              type="number"
              label="Engineers affected"
              value={engineers}
              onChange={e => setEngineers(e.target.value)}
              inputProps={{ min: 1, step: 1 }}
              fullWidth
              required
              variant="outlined"
            />
          </Grid>
          <Grid item xs={12}>
            <Typography role="status" variant="body2">
              ≈ {formatHours(total)} engineer-hours per week
            </Typography>
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...errorProps(
                'cost.evidence',
                'How you know: what you measured or observed',
              )}
              label="Evidence"
              placeholder="compile takes 12 minutes"
              value={evidence}
              onChange={e => setEvidence(e.target.value)}
              fullWidth
              variant="outlined"
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...errorProps('description', 'Markdown is supported')}
              label="Description"
              value={description}
              onChange={e => setDescription(e.target.value)}
              multiline
              minRows={4}
              fullWidth
              variant="outlined"
            />
          </Grid>
        </Grid>
        {formErrors.length > 0 && (
          <Box mt={2} role="alert">
            {formErrors.map(message => (
              <Typography key={message} color="error" variant="body2">
                {message}
              </Typography>
            ))}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy}
        >
          {busy ? 'Filing…' : 'File request'}
        </Button>
      </DialogActions>
    </form>
  );
}

/**
 * A form to file a request with a platform team, from an entity, with its
 * cost quantified; offers to "+1" similar open requests instead.
 *
 * @public
 */
/** The same key for the same filing, a new one once anything changes. */
const filingKeys = new Map<string, string>();
function filingKey(filing: unknown): string {
  const content = JSON.stringify(filing);
  let key = filingKeys.get(content);
  if (!key) {
    key = newKey();
    filingKeys.clear();
    filingKeys.set(content, key);
  }
  return key;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function FileRequestDialog(props: FileRequestDialogProps) {
  const { open, onClose, platformTeamsLoading, platformTeamsError } = props;
  let content: ReactNode;
  if (platformTeamsLoading) {
    content = (
      <DialogContent>
        <Progress />
      </DialogContent>
    );
  } else if (platformTeamsError) {
    content = (
      <>
        <DialogContent>
          <Typography role="alert" color="error" variant="body2">
            Could not load the platform teams:{' '}
            {errorMessage(platformTeamsError)}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
        </DialogActions>
      </>
    );
  } else {
    // Mounted only while open, so every opening starts with an empty form.
    content = <FileRequestForm {...props} />;
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={TITLE_ID}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={TITLE_ID}>File a platform request</DialogTitle>
      {content}
    </Dialog>
  );
}
