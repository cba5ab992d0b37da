import type { Route } from '../router.js';
import { applicationRoutes } from './application.js';
import { channelRoutes } from './channels.js';
import type { RouteDeps } from './deps.js';
import { guildRoutes } from './guilds.js';
import { interactionRoutes } from './interactions.js';

export type { RouteDeps } from './deps.js';

/** Every REST route the fake serves, in match order (literal segments such as `@me` come before `{id}`). */
export function allRoutes(deps: RouteDeps): Route[] {
  return [...applicationRoutes(deps), ...guildRoutes(deps), ...channelRoutes(deps), ...interactionRoutes(deps)];
}
