import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  ATTEST_CONFIG,
  AttestError,
  paginate,
  prepared,
  recordAudit,
  runPrepared,
  TenantDb,
  type AttestConfig,
  type Connection,
  type PageArgs,
} from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { CompiledEvaluator } from '../compiled-evaluator';
import { conditionSentence } from '../condition-sentence';
import { isPackName, loadPolicyPack, packFolders, packTestsDir } from '../pack-loader';
import { describeFailure, loadPackTests, runPackTests } from '../pack-tests';
import { PolicyPackError } from '../policy.errors';
import type { PolicyPack } from '../policy.types';
import type { ActivatePolicyPackArgs } from './dto/activate-policy-pack.args';
import { PolicyPackActivationEntity } from './entities/policy-pack-activation.entity';
import { PolicyPackEntity } from './entities/policy-pack.entity';
import type { PolicyPackActivationModel } from './models/policy-pack-activation.model';

/** The tenant's active pack: its latest activation (row-level security confines it to the tenant). */
export const ACTIVE_DIGEST_SQL = 'SELECT digest FROM policy_pack_activations ORDER BY created_at DESC, id DESC LIMIT 1';
const ACTIVE_DIGEST = prepared('active_pack_digest', ACTIVE_DIGEST_SQL);

@Injectable()
export class PolicyPacksService {
  constructor(
    private readonly db: TenantDb,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  /**
   * Makes a pack from the server's policies folder the tenant's active pack. The pack must load and
   * its own tests must pass; its policies are kept under their digest for good.
   */
  activate(actor: AuthenticatedPrincipal, args: ActivatePolicyPackArgs): Promise<PolicyPackActivationModel> {
    if (!actor.ability.can('activate', subjectOf('PolicyPack', { tenantId: actor.tenantId }))) throw AttestError.forbidden();
    const pack = this.loadTested(args.name);
    return this.db.transaction(actor.tenantId, async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('attest.policy_pack.' || $1))`, [actor.tenantId]);
      const current = await this.latest(m);
      if (current?.digest === pack.digest)
        throw AttestError.conflict(`Pack "${pack.name}" (${pack.digest.slice(0, 12)}) is already active`);
      await m.query('INSERT INTO policy_packs (digest, name, policies) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING', [
        pack.digest,
        pack.name,
        JSON.stringify(pack.policies),
      ]);
      const activation = await m.save(
        m.create(PolicyPackActivationEntity, {
          tenantId: actor.tenantId,
          digest: pack.digest,
          activatedBy: actor.principalId,
          rationale: args.rationale,
        }),
      );
      await recordAudit(m, actor, {
        action: 'policy_pack.activated',
        subjectType: 'PolicyPack',
        subjectId: pack.digest,
        before: current ? { name: current.name, digest: current.digest } : null,
        after: { name: pack.name, digest: pack.digest, policies: pack.policies.length, rationale: args.rationale },
      });
      return toModel(activation, { digest: pack.digest, name: pack.name, policies: pack.policies, createdAt: activation.createdAt });
    });
  }

  /** The tenant's active pack, or null before the first activation. */
  async active(actor: AuthenticatedPrincipal): Promise<PolicyPackActivationModel | null> {
    return this.db.transaction(actor.tenantId, async (m) => (await this.latest(m)) ?? null);
  }

  history(actor: AuthenticatedPrincipal, page: PageArgs): Promise<Connection<PolicyPackActivationModel>> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const connection = await paginate(m.createQueryBuilder(PolicyPackActivationEntity, 'a'), page, (a) => a);
      const packs = await this.packsByDigest(
        m,
        connection.edges.map((e) => e.node.digest),
      );
      return {
        ...connection,
        edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toModel(e.node, packs.get(e.node.digest)!) })),
      };
    });
  }

  /** The names of the packs the server can activate. */
  available(): string[] {
    return packFolders(this.config.policiesDir)
      .filter((dir) => existsSync(packTestsDir(dir)))
      .map((dir) => basename(dir));
  }

  /** The tenant's active pack as stored (its policies with their conditions), or null before the first activation. */
  activePack(actor: AuthenticatedPrincipal): Promise<PolicyPack | null> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const activation = await this.latestActivation(m);
      if (!activation) return null;
      const stored = await this.packIn(m, activation.digest);
      return { name: stored.name, policies: stored.policies, digest: stored.digest, sources: {} };
    });
  }

  /**
   * A pack as it was activated, by digest, with every activation of it in the tenant (oldest first):
   * what an evidence pack carries for the decisions that pack judged. NOT_FOUND when the tenant never
   * activated that digest.
   */
  packWithActivations(
    actor: AuthenticatedPrincipal,
    digest: string,
  ): Promise<{ pack: PolicyPackEntity; activations: PolicyPackActivationEntity[] }> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const activations = await m.find(PolicyPackActivationEntity, { where: { digest }, order: { createdAt: 'ASC', id: 'ASC' } });
      const pack = (await this.packsByDigest(m, [digest])).get(digest);
      if (!pack || activations.length === 0) throw AttestError.notFound('PolicyPack', digest);
      return { pack, activations };
    });
  }

  /**
   * A pack folder of the server, loaded and run against its own tests: what activatePolicyPack
   * would activate. NOT_FOUND for an unknown folder; VALIDATION_FAILED, with every problem, for an
   * invalid pack or a failing test.
   */
  loadTested(name: string): PolicyPack {
    const dir = join(this.config.policiesDir, name);
    if (!isPackName(name) || !existsSync(dir)) throw AttestError.notFound('PolicyPack', name);
    try {
      const pack = loadPolicyPack(dir, this.config.policiesDir);
      const failures = runPackTests(new CompiledEvaluator(pack), loadPackTests(packTestsDir(dir), pack, this.config.policiesDir)).filter(
        (r) => !r.passed,
      );
      if (failures.length > 0) {
        throw AttestError.validation(`Pack "${name}" fails ${failures.length} of its own tests`, {
          problems: failures.map(describeFailure),
        });
      }
      return pack;
    } catch (error) {
      if (error instanceof PolicyPackError) throw AttestError.validation(`Pack "${name}" is invalid`, { problems: error.problems });
      throw error;
    }
  }

  private async latest(m: EntityManager): Promise<PolicyPackActivationModel | undefined> {
    const activation = await this.latestActivation(m);
    if (!activation) return undefined;
    const packs = await this.packsByDigest(m, [activation.digest]);
    return toModel(activation, packs.get(activation.digest)!);
  }

  /** The digest of the tenant's active pack, in the caller's tenant transaction. */
  /** Read on every judged change (every decision): a prepared statement on the activations' index. */
  async activeDigestIn(m: EntityManager): Promise<string | undefined> {
    const [row] = await runPrepared<{ digest: string }>(m, ACTIVE_DIGEST, []);
    return row?.digest;
  }

  /** A stored pack by digest (immutable: callers may cache it). */
  async packIn(m: EntityManager, digest: string): Promise<PolicyPackEntity> {
    return (await this.packsByDigest(m, [digest])).get(digest)!;
  }

  private latestActivation(m: EntityManager): Promise<PolicyPackActivationEntity | null> {
    return m.findOne(PolicyPackActivationEntity, { where: {}, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  private async packsByDigest(m: EntityManager, digests: string[]): Promise<Map<string, PolicyPackEntity>> {
    if (digests.length === 0) return new Map();
    const rows = await m
      .createQueryBuilder(PolicyPackEntity, 'p')
      .where('p.digest IN (:...digests)', { digests: [...new Set(digests)] })
      .getMany();
    return new Map(rows.map((r) => [r.digest, r]));
  }
}

function toModel(
  activation: PolicyPackActivationEntity,
  pack: Pick<PolicyPackEntity, 'digest' | 'name' | 'policies' | 'createdAt'>,
): PolicyPackActivationModel {
  return {
    id: activation.id,
    name: pack.name,
    digest: pack.digest,
    activatedBy: activation.activatedBy,
    rationale: activation.rationale,
    activatedAt: activation.createdAt,
    policies: pack.policies.map(({ id, version, description, appliesTo, severity, effect, frameworks, message, conditions }) => ({
      id,
      version,
      description,
      appliesTo,
      severity,
      effect,
      frameworks,
      message,
      conditions,
      conditionsText: conditionSentence(conditions),
    })),
  };
}
