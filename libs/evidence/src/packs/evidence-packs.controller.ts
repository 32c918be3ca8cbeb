import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import type { Response } from 'express';
import { AuditPeriodPackService } from './audit-period/audit-period-pack.service';
import { AuditPeriodEvidenceArgs } from './dto/audit-period-evidence.args';
import { ModelVersionPackService } from './model-version/model-version-pack.service';
import { sendPack } from './send-pack';

/** The model version and audit period packs as downloads (`attest evidence export`): session or API key, same rules as the mutations. */
@Controller()
export class EvidencePacksController {
  constructor(
    private readonly modelVersions: ModelVersionPackService,
    private readonly periods: AuditPeriodPackService,
  ) {}

  @Get('api/v1/model-versions/:id/evidence.zip')
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async modelVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    sendPack(res, await this.modelVersions.build(actor, id));
  }

  /** The query string takes auditPeriodEvidence's arguments: from, to, and optionally automationId. */
  @Get('api/v1/audit-periods/evidence.zip')
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async auditPeriod(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Query() args: AuditPeriodEvidenceArgs,
    @Res() res: Response,
  ): Promise<void> {
    sendPack(res, await this.periods.build(actor, args.from, args.to, args.automationId));
  }
}
