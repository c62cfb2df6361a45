import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A part of the page: a region named by its heading. */
export function Section(props: {
  id: string;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { id, title, subtitle, children } = props;
  const headingId = `org-roadmap-${id}`;
  return (
    <Box component="section" aria-labelledby={headingId} mb={5}>
      <Typography id={headingId} variant="h5" component="h2">
        {title}
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="textSecondary">
          {subtitle}
        </Typography>
      )}
      <Box mt={2}>{children}</Box>
    </Box>
  );
}

/** What a section says when it has nothing to show. */
export function NothingHere(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}
