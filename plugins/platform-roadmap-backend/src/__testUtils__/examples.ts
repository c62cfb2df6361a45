import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { buildCatalog } from './catalog';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** Path of a file in the repository's examples/ folder. */
export const examplePath = (file: string) => path.join(EXAMPLES, file);

export type ExampleDoc = {
  kind: string;
  metadata: {
    name: string;
    title?: string;
    annotations?: Record<string, string>;
    links?: Array<{ url: string; title?: string; type?: string }>;
  };
  spec?: {
    type?: string;
    owner?: string;
    parent?: string;
    dependsOn?: string[];
    consumesApis?: string[];
  };
};

const full = (ref: string, defaultKind: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  );

/**
 * The example organisation and its platform and consumer entities, as the
 * catalog would hold them (relations both ways), plus any extra documents,
 * each document optionally edited first (to stage a catalog change).
 */
export function loadExampleCatalog(
  extra: ExampleDoc[] = [],
  edit: (doc: ExampleDoc) => ExampleDoc = doc => doc,
): Entity[] {
  const docs = ['org.yaml', 'platform.yaml', 'consumers.yaml'].flatMap(file =>
    parseAllDocuments(fs.readFileSync(examplePath(file), 'utf8')).map(
      d => d.toJS() as ExampleDoc,
    ),
  );
  return buildCatalog(
    [...docs, ...extra]
      .filter(d => d && d.kind !== 'Location')
      .map(edit)
      .map(d => ({
        kind: d.kind,
        name: d.metadata.name,
        title: d.metadata.title,
        type: d.spec?.type,
        annotations: d.metadata.annotations,
        links: d.metadata.links,
        owner: d.spec?.owner && full(d.spec.owner, 'group'),
        parent: d.spec?.parent && full(d.spec.parent, 'group'),
        dependsOn: d.spec?.dependsOn?.map(r => full(r, 'component')),
        consumesApis: d.spec?.consumesApis?.map(r => full(r, 'api')),
      })),
  );
}
