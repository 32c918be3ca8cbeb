import { Controller, Get, Query, Res } from '@nestjs/common';
import { AttestError } from '@attest/core';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import type { Response } from 'express';
import type { GeneratedDocumentModel } from './technical-documentation.models';
import { ModelCardInput, TechnicalDocumentationInput } from './technical-documentation.models';
import { documentedVersion, TechnicalDocumentation } from './technical-documentation.service';

/**
 * Downloads for API clients (docs/api.md, "Technical documentation"): the same generation as the
 * mutations, answered as a file. The query string takes the input's fields (`format` as GraphQL
 * names it: MARKDOWN, HTML, PDF). Only a bearer key or token authenticates: each request stores and
 * seals a document, and a link to it followed from another site would carry the console's session
 * cookie (SameSite=Lax lets top-level GETs through). The console uses the mutations.
 */
@Controller()
export class TechnicalDocumentationController {
  constructor(private readonly documentation: TechnicalDocumentation) {}

  @Get('api/v1/evidence/technical-documentation')
  @Can('create', 'TechnicalDocumentation')
  @RateLimited('exports')
  async technicalDocumentation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Query() input: TechnicalDocumentationInput,
    @Res() res: Response,
  ): Promise<void> {
    refuseSession(actor);
    send(res, await this.documentation.generate(actor, documentedVersion(input), input.format));
  }

  @Get('api/v1/evidence/model-card')
  @Can('create', 'TechnicalDocumentation')
  @RateLimited('exports')
  async modelCard(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Query() input: ModelCardInput, @Res() res: Response): Promise<void> {
    refuseSession(actor);
    send(res, await this.documentation.generateModelCard(actor, input.modelVersionId, input.format));
  }
}

function refuseSession(actor: AuthenticatedPrincipal): void {
  if (actor.via === 'session') {
    throw AttestError.forbidden(
      'This download stores and seals a document, so a sign-in session may not fetch it by link: use the generateTechnicalDocumentation or generateModelCard mutation, or an API key',
    );
  }
}

function send(res: Response, { file, record }: GeneratedDocumentModel): void {
  res.status(200);
  res.setHeader('content-type', file.mediaType);
  res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  // What the recipient compares with the ledger: the stored document and its digest.
  res.setHeader('x-attest-document-id', record.id);
  res.setHeader('x-attest-sha256', file.sha256);
  res.end(Buffer.from(file.contentBase64, 'base64'));
}
