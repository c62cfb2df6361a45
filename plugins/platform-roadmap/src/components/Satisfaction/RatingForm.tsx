import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  periodLabel,
  SurveyResponse,
  surveyResponseInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { platformRoadmapApiRef } from '../../api';
import {
  friendlyError,
  optionalText,
  useDialogForm,
} from '../TeamRoadmap/form';
import { SCORE_LABELS, SCORES } from './labels';

const ID_PREFIX = 'satisfaction';

const FIELDS = ['score', 'comment', 'respondentTeamRef'] as const;

/** A consuming team to rate for, by its title. */
function TeamOption(props: { entityRef: string }) {
  const { primaryTitle } = useEntityPresentation(props.entityRef);
  return <option value={props.entityRef}>{primaryTitle}</option>;
}

/**
 * Rates a platform team from 1 to 5 for this quarter, with an optional
 * comment, on behalf of one of the caller's consuming teams.
 */
export function RatingForm(props: {
  teamRef: string;
  /** The platform team's name, e.g. "CI & Build". */
  teamName: string;
  /** The quarter rated, e.g. `2026-Q4`. */
  period: string;
  /** The consuming teams the caller may rate for; at least one. */
  respondAs: string[];
  /** After the rating is recorded. */
  onRated: (response: SurveyResponse) => void;
  /** Loads the survey again (after "already rated"). */
  onReload: () => void;
}) {
  const { teamRef, teamName, period, respondAs, onRated, onReload } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(ID_PREFIX, FIELDS);
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [respondentTeamRef, setRespondentTeamRef] = useState(respondAs[0]);
  const headingId = `${ID_PREFIX}-heading`;
  const legendId = `${ID_PREFIX}-score-label`;
  const scoreHelpId = `${ID_PREFIX}-score-helper-text`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = form.check(
      surveyResponseInputSchema.safeParse(
        {
          // No choice yet is out of range: "score: must be from 1 to 5".
          score: score ?? 0,
          comment: optionalText(comment),
          respondentTeamRef,
        },
        { error: friendlyError },
      ),
    );
    if (data) {
      form.send(
        async () => onRated(await api.respondToSurvey(teamRef, data)),
        () => {},
      );
    }
  }

  return (
    <Box mt={3}>
      <form aria-labelledby={headingId} noValidate onSubmit={submit}>
        <Typography id={headingId} variant="h6" component="h3">
          Rate {teamName} for {periodLabel(period)}
        </Typography>
        <FormControl
          component="fieldset"
          error={Boolean(form.errors.score)}
          margin="dense"
        >
          <FormLabel id={legendId} component="legend">
            Your rating
          </FormLabel>
          <RadioGroup
            row
            name={`${ID_PREFIX}-score`}
            aria-labelledby={legendId}
            aria-describedby={scoreHelpId}
            value={score === undefined ? '' : String(score)}
            onChange={e => setScore(Number(e.target.value))}
          >
            {SCORES.map(s => (
              <FormControlLabel
                key={s}
                value={String(s)}
                control={
                  <Radio
                    color="primary"
                    // The first choice takes the focus when none is made.
                    id={s === 1 ? `${ID_PREFIX}-score` : undefined}
                  />
                }
                label={`${s} – ${SCORE_LABELS[s]}`}
              />
            ))}
          </RadioGroup>
          <FormHelperText id={scoreHelpId}>
            {form.errors.score ?? 'How well the platform serves your team'}
          </FormHelperText>
        </FormControl>
        {respondAs.length > 1 ? (
          <TextField
            {...form.fieldProps(
              'respondentTeamRef',
              'The consuming team you rate for',
            )}
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Rating for"
            value={respondentTeamRef}
            onChange={e => setRespondentTeamRef(e.target.value)}
            fullWidth
            margin="dense"
          >
            {respondAs.map(ref => (
              <TeamOption key={ref} entityRef={ref} />
            ))}
          </TextField>
        ) : (
          <Typography variant="body2">
            You rate for <EntityRefLink entityRef={respondentTeamRef} />.
          </Typography>
        )}
        <TextField
          {...form.fieldProps(
            'comment',
            "Optional: what works, what slows your team down. Only the team's members see comments.",
          )}
          label="Comment"
          value={comment}
          onChange={e => setComment(e.target.value)}
          fullWidth
          multiline
          margin="dense"
        />
        {form.failure && (
          <Box mt={1} role="alert">
            <Typography color="error" variant="body2">
              {form.failure.message}
            </Typography>
            {form.failure.conflict && (
              <Button size="small" variant="outlined" onClick={onReload}>
                Show the rating
              </Button>
            )}
          </Box>
        )}
        <Box mt={1}>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={form.busy}
          >
            Send rating
          </Button>
        </Box>
      </form>
    </Box>
  );
}
