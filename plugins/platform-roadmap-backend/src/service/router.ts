import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { PlatformTeamsResponse } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { parseTeamRef } from './validation';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  teams: PlatformTeamsService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, teams } = options;
  const router = Router();
  router.use(express.json());

  router.get('/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const body: PlatformTeamsResponse = {
      items: await teams.listTeams(credentials),
    };
    res.json(body);
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const teamRef = parseTeamRef(req.params.namespace, req.params.name);
    res.json(await teams.getTeam(teamRef, credentials));
  });

  return router;
}
