import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, type AttestConfig } from '@attest/core';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import { OpenLineageIngest, type IngestedEvent } from './ingest.service';
import { parseRunEvent } from './run-event';

/** Where OpenLineage clients' HTTP transport posts (Marquez's path). */
export const OPENLINEAGE_PATH = 'api/v1/lineage';

/**
 * The OpenLineage HTTP transport's endpoint, at the path Marquez serves: point a client's
 * `OPENLINEAGE_URL` at Attest and give it an API key (`OPENLINEAGE_API_KEY`, sent as a bearer
 * token). 201 when stored; 400 with the schema path of the first failure, nothing stored; 413 for an
 * event over ATTEST_OPENLINEAGE_MAX_EVENT_BYTES (its own body parser, createApp in @attest/platform).
 */
@Controller(OPENLINEAGE_PATH)
export class OpenLineageController {
  constructor(
    private readonly ingest: OpenLineageIngest,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Can('create', 'Lineage')
  @RateLimited('openLineage')
  receive(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Body() body: unknown): Promise<IngestedEvent> {
    const parsed = parseRunEvent(body, { maxJsonDepth: this.config.maxJsonDepth });
    if (!parsed.ok) throw AttestError.validation(`Not an OpenLineage RunEvent: ${parsed.path} ${parsed.message}`, { path: parsed.path });
    return this.ingest.ingest(actor, parsed.event, body);
  }
}
