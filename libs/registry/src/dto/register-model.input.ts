import { InputType } from '@nestjs/graphql';
import { RegistryEntryInput } from './registry-entry.input';

@InputType()
export class RegisterModelInput extends RegistryEntryInput {}
