import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { errorMessage } from '../FileRequestDialog/helpers';

/** One problem of a failed zod parse. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** What `schema.safeParse` returns, without depending on zod here. */
export type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: Issue[] } };

/** Why saving failed, for the dialog to show. */
export interface Failure {
  message: string;
  /** 409: someone else changed it since the roadmap was loaded. */
  conflict: boolean;
}

/**
 * Messages for the issues the schemas have no message of their own for:
 * missing values and unknown choices.
 */
export function friendlyError(issue: { code?: string; input?: unknown }) {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : 'must be a number';
  }
  if (issue.code === 'invalid_value') return 'choose one of the options';
  return undefined;
}

/** An empty number field is missing, not zero. */
export function toNumber(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** An empty text field is left out. */
export function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The HTTP status of a backend error (a ResponseError), if it has one. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The state of a dialog's form: errors under the fields they name, the
 * failure of the last save, and whether a save is under way.
 *
 * Errors read "field.path: message", as the backend's do, and sit under the
 * field named by the first segment of the path.
 */
export function useDialogForm<F extends string>(
  idPrefix: string,
  fields: readonly F[],
) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  const id = (field: F) => `${idPrefix}-${field}`;

  /** Splits "a: x; b.c: y" messages between fields and the rest. */
  function place(messages: Array<{ path: string; message: string }>) {
    const found: Partial<Record<F, string>> = {};
    const other: string[] = [];
    for (const { path, message } of messages) {
      const field = fields.find(f => f === path.split('.')[0]);
      const text = path ? `${path}: ${message}` : message;
      if (field) found[field] = found[field] ?? text;
      else other.push(text);
    }
    setErrors(found);
    const first = fields.find(f => found[f]);
    if (first) document.getElementById(id(first))?.focus();
    return other;
  }

  /** The parsed value, or undefined after showing why it is invalid. */
  function check<T>(result: Parsed<T>): T | undefined {
    setFailure(undefined);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const other = place(
      result.error.issues.map(issue => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
    if (other.length)
      setFailure({ message: other.join('; '), conflict: false });
    return undefined;
  }

  /** Runs a save; on success `onDone` (which closes the dialog). */
  async function send(call: () => Promise<unknown>, onDone: () => void) {
    if (busy) return;
    setFailure(undefined);
    setBusy(true);
    try {
      await call();
    } catch (error) {
      const message = errorMessage(error);
      const status = statusOf(error);
      let rest = message;
      if (status === 400) {
        // "title: must be at least 5 characters": put it under the field.
        const other = place(
          message.split('; ').map(part => {
            const [path, ...text] = part.split(': ');
            return text.length
              ? { path, message: text.join(': ') }
              : { path: '', message: part };
          }),
        );
        rest = other.join('; ');
      }
      setFailure(
        rest || status === 409
          ? { message: rest || message, conflict: status === 409 }
          : undefined,
      );
      setBusy(false);
      return;
    }
    onDone();
  }

  /** id, error and helper text of a field. */
  const fieldProps = (field: F, helperText?: ReactNode) => ({
    id: id(field),
    error: Boolean(errors[field]),
    helperText: errors[field] ?? helperText,
  });

  return { errors, failure, busy, check, send, fieldProps };
}

/** What the Delete button of an edit dialog deletes. */
export interface Deletion {
  /** What kind of thing is deleted, e.g. "theme". */
  kind: string;
  /** Its title. */
  name: string;
  /** What else goes with it, in a sentence. */
  consequence?: string;
  onDelete: () => void;
}

/**
 * A dialog with a form: title, fields, the failure of the last save (with a
 * way to reload after a conflict), Cancel and submit buttons, and when
 * editing a Delete button that asks for confirmation first.
 */
export function FormDialog(props: {
  idPrefix: string;
  title: string;
  /** Shown under the title, e.g. the current value. */
  subtitle?: ReactNode;
  submitLabel: string;
  busy: boolean;
  failure?: Failure;
  onSubmit: () => void;
  onClose: () => void;
  /** Closes the dialog and reloads the roadmap (after a conflict). */
  onReload: () => void;
  /** What a conflict offers to reload (default: "roadmap"). */
  reloads?: string;
  deletion?: Deletion;
  children: ReactNode;
}) {
  const {
    idPrefix,
    title,
    subtitle,
    submitLabel,
    busy,
    failure,
    onSubmit,
    onClose,
    onReload,
    reloads = 'roadmap',
    deletion,
    children,
  } = props;
  const [confirming, setConfirming] = useState(false);
  // The Delete button goes away when asked to confirm: focus the safe choice.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const titleId = `${idPrefix}-dialog-title`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy && !confirming) onSubmit();
  }

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle disableTypography>
        <Typography id={titleId} variant="h6" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="textSecondary">
            {subtitle}
          </Typography>
        )}
      </DialogTitle>
      <form noValidate onSubmit={submit}>
        <DialogContent>
          {children}
          {failure && (
            <Box mt={2} role="alert">
              <Typography color="error" variant="body2">
                {failure.message}
              </Typography>
              {failure.conflict && (
                <>
                  <Typography variant="body2">
                    Someone else changed this since you loaded it. Reload it to
                    see their change, then make yours again.
                  </Typography>
                  <Button size="small" variant="outlined" onClick={onReload}>
                    Reload the {reloads}
                  </Button>
                </>
              )}
            </Box>
          )}
          {confirming && deletion && (
            <Box mt={2} role="alert">
              <Typography variant="body2">
                Delete the {deletion.kind} “{deletion.name}”?{' '}
                {deletion.consequence} This cannot be undone.
              </Typography>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          {confirming && deletion ? (
            <>
              <Button
                ref={keep}
                onClick={() => setConfirming(false)}
                disabled={busy}
              >
                Keep it
              </Button>
              <Button
                variant="contained"
                color="secondary"
                aria-label={`Yes, delete ${deletion.kind}: ${deletion.name}`}
                onClick={deletion.onDelete}
                disabled={busy}
              >
                Yes, delete
              </Button>
            </>
          ) : (
            <>
              {deletion && (
                <Box mr="auto">
                  <Button
                    color="secondary"
                    aria-label={`Delete ${deletion.kind}: ${deletion.name}`}
                    onClick={() => setConfirming(true)}
                    disabled={busy}
                  >
                    Delete
                  </Button>
                </Box>
              )}
              <Button onClick={onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="primary"
                variant="contained"
                disabled={busy}
              >
                {submitLabel}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
