import { join } from 'node:path';
import { appAndLibSources, boundaryViolations, moduleResolutionOf, repositoryBoundaryViolations } from './support/import-boundaries';
import { REPOSITORY } from './support/repository';

const resolution = moduleResolutionOf(REPOSITORY);

/** The violations the detector finds in a source that would live at `path` (relative to the repository). */
function violationsOf(path: string, source: string): string[] {
  return boundaryViolations(join(REPOSITORY, path), source, resolution).map((v) => `${v.rule}: ${v.specifier}`);
}

describe('import boundaries: apps never import apps, libs never import apps', () => {
  describe('the detector (on sources in memory)', () => {
    it('finds an app importing another app, whatever the form of the import', () => {
      const source = [
        "import { startTracing } from '../../api/src/tracing';",
        "import type { AppModule } from '../../api/src/app.module';",
        "export * from '../../cli/src/args';",
        "const { createApp } = require('../../api/src/create-app');",
        "async function later() { return import('../../../apps/api/src/api-schema'); }",
        "type Config = import('../../api/src/graphql.config').Options;",
        "import persistence = require('apps/api/src/persistence');",
        "jest.mock('../../api/src/health/health.service');",
      ].join('\n');
      expect(violationsOf('apps/worker/src/main.ts', source)).toEqual([
        'apps never import apps: ../../api/src/tracing',
        'apps never import apps: ../../api/src/app.module',
        'apps never import apps: ../../cli/src/args',
        'apps never import apps: ../../api/src/create-app',
        'apps never import apps: ../../../apps/api/src/api-schema',
        'apps never import apps: ../../api/src/graphql.config',
        'apps never import apps: apps/api/src/persistence',
        'apps never import apps: ../../api/src/health/health.service',
      ]);
    });

    it('finds a library, or a spec in it, importing any app', () => {
      expect(violationsOf('libs/core/src/database/x.ts', "import { AppModule } from '../../../../apps/api/src/app.module';")).toEqual([
        'libs never import apps: ../../../../apps/api/src/app.module',
      ]);
      expect(violationsOf('libs/ledger/src/x.spec.ts', "import { runCli } from 'apps/cli/src/cli';")).toEqual([
        'libs never import apps: apps/cli/src/cli',
      ]);
    });

    it('lets an app import its own files, libraries (by alias or path), migrations and packages', () => {
      const source = [
        "import { runCli } from './cli';",
        "import { loadCliConfig } from '../local/cli-config';",
        "import { TenantDb } from '@attest/core';",
        "import { policyFixture } from '@attest/policy/testing';",
        "import { MIGRATIONS } from '../../../../migrations';",
        "import { NestFactory } from '@nestjs/core';",
        "import { readFileSync } from 'node:fs';",
      ].join('\n');
      expect(violationsOf('apps/cli/src/commands/x.command.ts', source)).toEqual([]);
      expect(violationsOf('libs/platform/src/x.ts', "import { DecisionsModule } from '@attest/decisions';")).toEqual([]);
    });

    it('ignores what only looks like an import: comments and strings', () => {
      const source = [
        "// import { startTracing } from '../../api/src/tracing';",
        "/* require('../../api/src/create-app') */",
        'const hint = "import { createApp } from \'../../api/src/create-app\'";',
        "log('see apps/api/src/main.ts');",
      ].join('\n');
      expect(violationsOf('apps/worker/src/x.ts', source)).toEqual([]);
    });
  });

  it('reads every TypeScript file of apps/ and libs/, specs included', () => {
    const files = appAndLibSources(REPOSITORY).map((file) => file.slice(REPOSITORY.length + 1));
    expect(files).toEqual(
      expect.arrayContaining(['apps/api/src/main.ts', 'apps/worker/src/main.ts', 'apps/cli/src/cli.spec.ts', 'libs/core/src/index.ts']),
    );
  });

  it('holds in the repository', () => {
    const found = repositoryBoundaryViolations(REPOSITORY).map((v) => `${v.file} imports ${v.specifier} (${v.target}): ${v.rule}`);
    expect(found).toEqual([]);
  });
});
