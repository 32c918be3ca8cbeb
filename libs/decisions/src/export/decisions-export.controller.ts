import { Controller, Get, Query, Res } from '@nestjs/common';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import type { Response } from 'express';
import { DecisionFilter } from '../dto/decisions.args';
import { DecisionsExport } from './decisions-export.service';

/**
 * The decisions list as a CSV download (docs/api.md, "CSV exports"): the query string takes the
 * fields of DecisionFilter (enum values as GraphQL names them), authenticated and authorised like
 * the `decisions` query; a refused filter is 400 with VALIDATION_FAILED before anything is sent.
 */
@Controller()
export class DecisionsExportController {
  constructor(private readonly exports: DecisionsExport) {}

  @Get('api/v1/decisions.csv')
  @Can('read', 'Decision')
  @RateLimited('exports')
  async download(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Query() filter: DecisionFilter, @Res() res: Response): Promise<void> {
    await this.exports.toCsv(actor, filter, res);
  }
}
