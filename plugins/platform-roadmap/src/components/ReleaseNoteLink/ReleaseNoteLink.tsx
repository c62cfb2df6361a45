import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * A link from a shipped request to the release note that shipped it: the
 * permalink on the platform team's Release notes tab.
 */
export function ReleaseNoteLink(props: {
  teamRef: string;
  releaseNoteId: string;
  children?: string;
}) {
  const entityRoute = useRouteRef(entityRouteRef);
  const team = entityRoute(
    entityRouteParams(props.teamRef, { encodeParams: true }),
  );
  return (
    <Link
      to={`${team}/release-notes?note=${encodeURIComponent(
        props.releaseNoteId,
      )}`}
    >
      {props.children ?? 'Release note'}
    </Link>
  );
}
