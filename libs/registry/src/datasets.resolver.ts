import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageCost, type LoaderRegistry } from '@attest/core';
import {
  Can,
  CurrentPrincipal,
  loadPrincipal,
  Loaders,
  PrincipalModel,
  PrincipalsService,
  type AuthenticatedPrincipal,
} from '@attest/identity';
import { DatasetVersionsService } from './dataset-versions.service';
import { DatasetsService } from './datasets.service';
import { DatasetsArgs } from './dto/datasets.args';
import { RegisterDatasetInput } from './dto/register-dataset.input';
import { DatasetConnection, DatasetModel, DatasetVersionModel } from './models/dataset.model';
import { datasetVersionsOfDatasetLoader } from './registry.loaders';

@Resolver(() => DatasetModel)
export class DatasetsResolver {
  constructor(
    private readonly service: DatasetsService,
    private readonly datasetVersions: DatasetVersionsService,
    private readonly principals: PrincipalsService,
  ) {}

  @Query(() => DatasetModel, { description: 'One dataset by id; NOT_FOUND when absent or not visible' })
  @Can('read', 'Dataset')
  dataset(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('id', { type: () => ID, description: "The dataset's id" }) id: string) {
    return this.service.get(actor, id);
  }

  @Query(() => DatasetConnection, { complexity: pageCost, description: "The tenant's datasets, newest first" })
  @Can('read', 'Dataset')
  datasets(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DatasetsArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => DatasetModel, { description: 'Registers a dataset (model owners and admins), without versions yet; audited' })
  @Can('create', 'Dataset')
  registerDataset(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: "The dataset's name, description and owner" }) input: RegisterDatasetInput,
  ) {
    return this.service.register(actor, input);
  }

  @ResolveField(() => PrincipalModel, { nullable: true, description: 'Null if you may not read principals' })
  @Can('read', 'Dataset')
  owner(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() dataset: DatasetModel, @Loaders() loaders: LoaderRegistry) {
    return loadPrincipal(loaders, this.principals, actor, dataset.ownerId);
  }

  @ResolveField(() => [DatasetVersionModel], { description: "The dataset's versions (its snapshots), newest first", complexity: 10 })
  @Can('read', 'DatasetVersion')
  versions(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() dataset: DatasetModel, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(datasetVersionsOfDatasetLoader, actor, this.datasetVersions).load(dataset.id);
  }
}
