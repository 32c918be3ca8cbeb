import { Resolver, Subscription } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { ActivityEventModel } from './activity.model';
import { ActivityWatch } from './activity-watch.service';

@Resolver()
export class ActivityResolver {
  constructor(private readonly watch: ActivityWatch) {}

  @Subscription(() => ActivityEventModel, {
    description:
      'Hints for live pages, over graphql-ws at /graphql: an event when decisions you may read are recorded or the review queue changes (checked every second)',
    resolve: (event: ActivityEventModel) => event,
  })
  @Can('read', 'Decision')
  activity(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.watch.watch(actor);
  }
}
