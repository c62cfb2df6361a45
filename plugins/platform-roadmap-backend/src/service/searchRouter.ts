import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { MAX_SEARCH_PAGE, SearchDocuments } from '../search/SearchDocuments';
import { parse } from './http';

export interface SearchRouterOptions {
  httpAuth: HttpAuthService;
  documents: SearchDocuments;
}

const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(500),
});

/**
 * `GET /search/documents`: what the search collator module indexes. Only
 * services may call it (the search backend, with its own credentials): a
 * person would see every document regardless of catalog permissions, which
 * the search backend applies per result.
 */
export function createSearchRouter(options: SearchRouterOptions) {
  const { httpAuth, documents } = options;
  const router = Router();

  router.get('/search/documents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const query = parse(pageQuerySchema, req.query);
    res.json(await documents.page({ ...query, credentials }));
  });

  return router as express.Router;
}
