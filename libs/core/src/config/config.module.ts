import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AttestConfig } from './attest-config';
import { ATTEST_CONFIG } from './config.tokens';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AttestConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: ATTEST_CONFIG, useValue: config }],
      exports: [ATTEST_CONFIG],
    };
  }
}
