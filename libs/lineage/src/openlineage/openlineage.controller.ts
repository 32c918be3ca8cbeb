import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AttestError } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { OpenLineageIngest, type IngestedEvent } from './ingest.service';
import { parseRunEvent } from './run-event';

/**
 * The OpenLineage HTTP transport's endpoint, at the path Marquez serves: point a client's
 * `OPENLINEAGE_URL` at Attest and give it an API key (`OPENLINEAGE_API_KEY`, sent as a bearer
 * token). 201 when stored; 400 with the schema path of the first failure, nothing stored.
 */
@Controller('api/v1/lineage')
export class OpenLineageController {
  constructor(private readonly ingest: OpenLineageIngest) {}

  @Post()
  @HttpCode(201)
  @Can('create', 'Lineage')
  receive(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Body() body: unknown): Promise<IngestedEvent> {
    const parsed = parseRunEvent(body);
    if (!parsed.ok) throw AttestError.validation(`Not an OpenLineage RunEvent: ${parsed.path} ${parsed.message}`, { path: parsed.path });
    return this.ingest.ingest(actor, parsed.event, body);
  }
}
