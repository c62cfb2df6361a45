import { ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  periodLabel,
  platformRoadmapTeamManagePermission,
  ReviewAsk,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import PrintIcon from '@material-ui/icons/Print';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { errorMessage } from '../FileRequestDialog/helpers';
import { AskDialog } from './AskDialog';
import {
  CustomerReviewDocument,
  isEmptyReview,
  useReviewStyles,
} from './CustomerReviewDocument';
import { quarterParam, reviewQuarters } from './labels';

/** Saves text as a file, through a temporary link to a Blob. */
function saveFile(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The quarterly customer review of the platform team whose Group page it
 * is on, as a document to present, print or download as Markdown: themes,
 * what the team commits to and deprioritizes and why, what it needs from
 * its consumers, what shipped, deprecations, capacity, satisfaction, and
 * what each consuming team got. The quarter is in the URL (`?quarter=`).
 *
 * @public
 */
export function CustomerReviewTab() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const api = useApi(platformRoadmapApiRef);
  const classes = useReviewStyles();
  const [params, setParams] = useSearchParams();
  const quarter = quarterParam(params.get('quarter'));
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const [editing, setEditing] = useState<{ ask?: ReviewAsk }>();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string>();

  const { value, loading, error, retry } = useAsyncRetry(
    async () => ({
      quarter,
      review: await api.getCustomerReview(teamRef, quarter),
    }),
    [api, teamRef, quarter],
  );
  // After a save the review reloads in place; another quarter starts over.
  const review = value?.quarter === quarter ? value.review : undefined;

  function chooseQuarter(next: string) {
    setDownloadError(undefined);
    setParams(
      previous => {
        const updated = new URLSearchParams(previous);
        updated.set('quarter', next);
        return updated;
      },
      { replace: true },
    );
  }

  async function downloadMarkdown() {
    setDownloadError(undefined);
    setDownloading(true);
    try {
      const { filename, markdown } = await api.getCustomerReviewMarkdown(
        teamRef,
        quarter,
      );
      saveFile(filename, markdown, 'text/markdown;charset=utf-8');
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  const toolbar = (
    <Box
      className={classes.noPrint}
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      mb={2}
      style={{ gap: 8 }}
    >
      <TextField
        select
        id="customer-review-quarter"
        label="Quarter"
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        value={quarter}
        onChange={e => chooseQuarter(e.target.value)}
        size="small"
        variant="outlined"
        style={{ minWidth: 140 }}
      >
        {reviewQuarters(new Date(), quarter).map(q => (
          <option key={q} value={q}>
            {periodLabel(q)}
          </option>
        ))}
      </TextField>
      <Box flexGrow={1} />
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        onClick={() => window.print()}
        disabled={!review}
      >
        Print
      </Button>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<GetAppIcon />}
        onClick={downloadMarkdown}
        disabled={downloading}
      >
        Download Markdown
      </Button>
    </Box>
  );

  let content: ReactNode;
  if (loading && !review) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (review && isEmptyReview(review)) {
    content = (
      <EmptyState
        missing="content"
        title={`Nothing to review for ${periodLabel(quarter)} yet`}
        description="The review is generated from the team's themes, commitments, release notes, deprecations, capacity budget and survey, and from the requests of its consuming teams. Present it once a quarter, whether or not anyone asks for it."
        action={
          canManage ? (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setEditing({})}
            >
              Add what you need from consuming teams
            </Button>
          ) : undefined
        }
      />
    );
  } else if (review) {
    content = (
      <CustomerReviewDocument
        review={review}
        canManage={canManage}
        onEditAsk={ask => setEditing({ ask })}
      />
    );
  }

  return (
    <Box>
      {toolbar}
      {downloadError && (
        <Box className={classes.noPrint} role="alert" mb={2}>
          <Typography color="error" variant="body2">
            Could not download the review as Markdown: {downloadError}
          </Typography>
        </Box>
      )}
      {content}
      {editing && (
        <AskDialog
          teamRef={teamRef}
          quarter={quarter}
          ask={editing.ask}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            retry();
          }}
        />
      )}
    </Box>
  );
}
