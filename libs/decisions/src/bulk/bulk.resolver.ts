import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import type { DecisionBatch } from './decision-batch';
import { IngestDecisionsInput } from './dto/ingest-decisions.input';
import { IngestJobErrorsArgs } from './dto/ingest-job-errors.args';
import { IngestJobArgs } from './dto/ingest-job.args';
import { RecordDecisionsInput } from './dto/record-decisions.input';
import { IngestItemErrorModel } from './models/ingest-item-error.model';
import { IngestJobModel } from './models/ingest-job.model';
import { RecordDecisionsPayload } from './models/record-decisions.payload';
import { BulkDecisionsService } from './bulk-decisions.service';
import { IngestService } from './ingest.service';

@Resolver(() => IngestJobModel)
export class BulkDecisionsResolver {
  constructor(
    private readonly bulk: BulkDecisionsService,
    private readonly ingest: IngestService,
  ) {}

  @Mutation(() => RecordDecisionsPayload, {
    description:
      'Records up to 1,000 decisions in one transaction; each item is recorded, replayed or refused on its own (results in input order)',
  })
  @Can('create', 'Decision')
  recordDecisions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { type: () => RecordDecisionsInput, description: 'The decisions to record, in one transaction' }) input: DecisionBatch,
  ) {
    return this.bulk.record(actor, input);
  }

  @Mutation(() => IngestJobModel, {
    description: 'Accepts up to 10,000 decisions to record in the background; follow the job with ingestJob',
  })
  @Can('create', 'Decision')
  ingestDecisions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { type: () => IngestDecisionsInput, description: 'The decisions to stage and record in the background' })
    input: DecisionBatch,
  ) {
    return this.ingest.submit(actor, input);
  }

  @Query(() => IngestJobModel, { description: "An ingest job's progress, counts and dead letters" })
  @Can('read', 'IngestJob')
  ingestJob(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: IngestJobArgs) {
    return this.ingest.get(actor, args.id);
  }

  @ResolveField(() => [IngestItemErrorModel], { description: 'Items not recorded, with the reason, by index', complexity: 10 })
  @Can('read', 'IngestJob')
  errors(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() job: IngestJobModel, @Args() args: IngestJobErrorsArgs) {
    return this.ingest.errors(actor, job.id, args);
  }
}
