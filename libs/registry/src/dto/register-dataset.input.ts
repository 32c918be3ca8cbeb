import { InputType } from '@nestjs/graphql';
import { RegistryEntryInput } from './registry-entry.input';

@InputType({ description: 'A new dataset; its snapshots are registered as versions' })
export class RegisterDatasetInput extends RegistryEntryInput {}
