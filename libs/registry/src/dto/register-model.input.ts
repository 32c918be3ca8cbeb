import { InputType } from '@nestjs/graphql';
import { RegistryEntryInput } from './registry-entry.input';

@InputType({ description: 'A new model; its trained artifacts are registered as versions' })
export class RegisterModelInput extends RegistryEntryInput {}
