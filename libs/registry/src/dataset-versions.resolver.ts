import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { DatasetVersionsService } from './dataset-versions.service';
import { DatasetsService } from './datasets.service';
import { RegisterDatasetVersionInput } from './dto/register-dataset-version.input';
import { DatasetModel, DatasetVersionModel } from './models/dataset.model';
import { ModelVersionModel } from './models/model-version.model';
import { datasetByIdLoader, modelVersionsUsingDatasetVersionLoader } from './registry.loaders';

@Resolver(() => DatasetVersionModel)
export class DatasetVersionsResolver {
  constructor(
    private readonly service: DatasetVersionsService,
    private readonly datasets: DatasetsService,
  ) {}

  @Query(() => DatasetVersionModel, { description: 'One dataset version by id; NOT_FOUND when absent or not visible' })
  @Can('read', 'DatasetVersion')
  datasetVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The dataset version's id" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Mutation(() => DatasetVersionModel, { description: 'Registers an immutable snapshot of a dataset (its owner or an admin); audited' })
  @Can('create', 'DatasetVersion')
  registerDatasetVersion(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The dataset, version, location, digest and data classes' }) input: RegisterDatasetVersionInput,
  ) {
    return this.service.register(actor, input);
  }

  @ResolveField(() => DatasetModel, { nullable: true, description: 'The dataset it is a version of; null when the caller may not read it' })
  @Can('read', 'DatasetVersion')
  dataset(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: DatasetVersionModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(datasetByIdLoader, actor, this.datasets).load(version.datasetId);
  }

  @ResolveField(() => [ModelVersionModel], {
    description: 'Model versions trained or evaluated on it, newest first; empty unless you may read model versions',
    complexity: 10,
  })
  @Can('read', 'DatasetVersion')
  usedByModelVersions(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() version: DatasetVersionModel,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return loaders.get(modelVersionsUsingDatasetVersionLoader, actor, this.service).load(version.id);
  }
}
