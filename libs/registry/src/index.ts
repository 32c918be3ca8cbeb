export * from './registry.module';
export * from './registry.enums';
export * from './entities';
export * from './lifecycle/lifecycle-gate';
export * from './models.service';
export * from './model-versions.service';
