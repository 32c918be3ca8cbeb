import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, type AttestConfig } from '@attest/core';
import { IdentityServicesModule } from '@attest/identity';
import { DATABASE_OPTIONS } from '@attest/platform';

/**
 * What the CLI's database commands (tenant create, key issue, principals list) run on: the database,
 * migrated and provisioned as the API does it, and identity's services. No GraphQL, no jobs, no HTTP:
 * these commands call a service or two and exit.
 */
@Module({})
export class OperatorModule {
  static forRoot(config: AttestConfig): DynamicModule {
    return {
      module: OperatorModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(DATABASE_OPTIONS), IdentityServicesModule],
    };
  }
}
