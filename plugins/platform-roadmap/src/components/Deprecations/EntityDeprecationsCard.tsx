import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { DeprecationItem } from './DeprecationItem';

/**
 * The deprecations of the current entity (it is what is going away): by
 * when, what replaces it, and who still uses it, with the burn-down.
 * Renders nothing when it is not deprecated.
 *
 * @public
 */
export function EntityDeprecationsCard() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityDeprecations(entityRef),
    [api, entityRef],
  );

  // Not deprecated: no card, rather than an empty one.
  if (value && value.items.length === 0) return null;

  let content;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else {
    content = value?.items.map(item => (
      <DeprecationItem key={item.id} view={item} onChanged={retry} />
    ));
  }

  return <InfoCard title="Deprecation">{content}</InfoCard>;
}
