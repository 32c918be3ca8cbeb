import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import type { Response } from 'express';
import { DecisionPackService } from './decision/decision-pack.service';
import { sendPack } from './send-pack';

/** The same pack as a download (the console's button, `attest evidence export`): session or API key, same rules. */
@Controller()
export class DecisionEvidenceController {
  constructor(private readonly packs: DecisionPackService) {}

  @Get('api/v1/decisions/:id/evidence.zip')
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async download(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const pack = await this.packs.build(actor, id);
    sendPack(res, pack);
  }
}
