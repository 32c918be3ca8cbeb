import { InputType } from '@nestjs/graphql';
import { RegistryEntryInput } from './registry-entry.input';

@InputType()
export class RegisterDatasetInput extends RegistryEntryInput {}
