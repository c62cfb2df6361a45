import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { z } from 'zod';
import { MAX_SEARCH_PAGE, SearchDocuments } from '../search/SearchDocuments';
import { parse } from './http';

export interface SearchRouterOptions {
  httpAuth: HttpAuthService;
  documents: SearchDocuments;
}

/** The subject of the search plugin's own service credentials. */
const SEARCH_PLUGIN_SUBJECT = 'plugin:search';

const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(500),
});

/**
 * `GET /search/documents`: what the search collator module indexes. Only
 * the search plugin may call it, with its own credentials: a person or
 * another service would see every document regardless of catalog
 * permissions, which the search backend applies per result.
 */
export function createSearchRouter(options: SearchRouterOptions) {
  const { httpAuth, documents } = options;
  const router = Router();

  router.get('/search/documents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    // Not any service: the static tokens of CI jobs and feed readers are
    // services of this plugin too, and must not read every request.
    if (credentials.principal.subject !== SEARCH_PLUGIN_SUBJECT) {
      throw new NotAllowedError(
        'Only the search plugin may read the search documents',
      );
    }
    const query = parse(pageQuerySchema, req.query);
    res.json(await documents.page(query));
  });

  return router as express.Router;
}
