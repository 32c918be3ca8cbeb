import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ConfigModule, DatabaseModule, GraphQLPassThroughFilter, type AttestConfig } from '@attest/core';
import { AuditModule, AUDIT_ENTITIES } from '@attest/audit';
import { DecisionsModule, DECISION_ENTITIES } from '@attest/decisions';
import { IdentityModule, IDENTITY_ENTITIES } from '@attest/identity';
import { PolicyPacksModule, POLICY_ENTITIES } from '@attest/policy';
import { RegistryModule, REGISTRY_ENTITIES } from '@attest/registry';
import { MIGRATIONS } from '../../../migrations';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';

/** The API's composition root: the same libraries the worker and CLI assemble. */
@Module({})
export class AppModule {
  static forRoot(config: AttestConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ entities: [...IDENTITY_ENTITIES, ...REGISTRY_ENTITIES, ...AUDIT_ENTITIES, ...POLICY_ENTITIES, ...DECISION_ENTITIES], migrations: MIGRATIONS }),
        GraphQLModule.forRoot(graphqlOptions(config)),
        IdentityModule,
        RegistryModule,
        AuditModule,
        PolicyPacksModule,
        DecisionsModule,
      ],
      controllers: [HealthController],
      providers: [
        HealthService,
        { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false }),
        },
      ],
    };
  }
}
